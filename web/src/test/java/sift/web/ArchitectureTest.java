package sift.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, read from the compiled classes of all four modules: no package depends on itself through
 * others, and each module keeps to its room (the poms already keep a module from the ones above it).
 */
class ArchitectureTest {
    private static final JavaClasses SIFT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // the ingest module's test jar is on this classpath too
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("sift");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        // each package its own slice: sift.web and sift.web.admin are two
        slices().matching("sift.(**)").should().beFreeOfCycles().check(SIFT);
    }

    @Test
    void nlpKnowsNothingOfHttpOrSql() {
        noClasses().that().resideInAPackage("sift.nlp..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "java.net.http..", "io.javalin..",
                        "org.apache.hc..", "org.h2..", "org.postgresql..", "org.jdbi..", "org.apache.lucene..")
                .check(SIFT);
    }

    @Test
    void storeKnowsNothingOfHtml() {
        noClasses().that().resideInAPackage("sift.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jsoup..", "gg.jte..", "io.javalin..")
                .check(SIFT);
    }
}
