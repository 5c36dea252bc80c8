package sift.ingest.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sift.ingest.testing.Fixtures;

/**
 * Golden pairs {@code clean/<family>/x.html -> x.expected.html}: what the cleaner makes of each, exactly, and that a
 * browser reads the result as the cleaner meant it ({@link CleanOutput}).
 */
class HtmlCleanerGoldenTest {
    private static final String BASE = "https://blog.example/post/";

    private final HtmlCleaner cleaner = new HtmlCleaner();

    @Nested
    class NamespaceConfusion {
        /**
         * Issue 20: content that changes namespace (foreignObject, annotation-xml, SVG title and desc, MathML text
         * elements), HTML inside SVG or MathML, and the bodies of raw-text elements never reach a page as markup:
         * a browser's reading of the output holds no meta, base, form, input, button, style, link, object, embed or
         * script.
         */
        @ParameterizedTest(name = "{0}")
        @MethodSource("sift.ingest.clean.HtmlCleanerGoldenTest#namespaces")
        void issue20PlantsNoMarkupThroughAnotherNamespace(String name) {
            String html = assertGolden("namespaces/" + name);
            assertThat(BrowserParse.elements(BrowserParse.body(html)))
                    .extracting(e -> e.name().toLowerCase())
                    .as(html)
                    .doesNotContainAnyElementsOf(List.of(
                            "meta",
                            "base",
                            "form",
                            "input",
                            "button",
                            "style",
                            "link",
                            "object",
                            "embed",
                            "script",
                            "foreignobject",
                            "annotation-xml",
                            "noscript"));
        }
    }

    @Nested
    class WhatItIsFor {
        /**
         * Ordinary posts (Cloudflare's blog, ipSpace.net), YouTube and Vimeo players (sandboxed, empty), inline SVG
         * drawings and MathML formulas come through.
         */
        @ParameterizedTest(name = "{0}")
        @MethodSource("sift.ingest.clean.HtmlCleanerGoldenTest#posts")
        void keepsPostsVideoPlayersDrawingsAndFormulas(String name) {
            assertGolden("posts/" + name);
        }
    }

    /** The cleaned HTML of a golden input, checked against its expected output and a browser's reading. */
    private String assertGolden(String name) {
        String html =
                cleaner.clean(Fixtures.text("clean/" + name + ".html"), BASE).html();
        assertThat(html)
                .isEqualTo(Fixtures.text("clean/" + name + ".expected.html").stripTrailing());
        assertThat(CleanOutput.problems(cleaner, html)).as(html).isEmpty();
        return html;
    }

    static Stream<String> namespaces() throws IOException, URISyntaxException {
        return inputs("namespaces");
    }

    static Stream<String> posts() throws IOException, URISyntaxException {
        return inputs("posts");
    }

    /** The names of the golden inputs of a family, without {@code .html}. */
    private static Stream<String> inputs(String family) throws IOException, URISyntaxException {
        Path dir = Path.of(
                HtmlCleanerGoldenTest.class.getResource("/clean/" + family).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".html") && !n.endsWith(".expected.html"))
                    .map(n -> n.substring(0, n.length() - ".html".length()))
                    .sorted()
                    .toList();
            assertThat(names).as("golden inputs in " + dir.toAbsolutePath()).isNotEmpty();
            return names.stream();
        }
    }
}
