package sift.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
        noClasses()
                .that()
                .resideInAPackage("sift.nlp..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "java.sql..",
                        "java.net.http..",
                        "io.javalin..",
                        "org.apache.hc..",
                        "org.h2..",
                        "org.postgresql..",
                        "org.jdbi..",
                        "org.apache.lucene..")
                .check(SIFT);
    }

    @Test
    void storeKnowsNothingOfHtml() {
        noClasses()
                .that()
                .resideInAPackage("sift.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jsoup..", "gg.jte..", "io.javalin..")
                .check(SIFT);
    }

    @Test
    void theArchitectureNamesEveryPackageAndNoOther() throws IOException {
        Set<String> packages =
                SIFT.stream().map(JavaClass::getPackageName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> named = new TreeSet<>();
        Matcher m =
                Pattern.compile("\\bsift(\\.[a-z]+)+").matcher(Files.readString(Path.of("../docs/ARCHITECTURE.md")));
        while (m.find()) {
            named.add(m.group());
        }
        assertThat(named).as("packages docs/ARCHITECTURE.md names").isEqualTo(packages);
    }
}
