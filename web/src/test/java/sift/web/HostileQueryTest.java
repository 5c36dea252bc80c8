package sift.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries and numbers no reader would send, over HTTP: each is a 400 that says what is wrong, on the pages, the
 * JSON API and the re-exported feeds, never a 500 (issue 20).
 */
class HostileQueryTest {
    @TempDir
    static Path dir;

    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir, List.of("https://hostile.example/feed"), false);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String q(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    /** 257 different words of two letters, none a stop word: 770 characters. */
    private static String manyWords() {
        List<String> words = new ArrayList<>();
        for (char first : "jkqxzvwyh".toCharArray()) {
            for (char second : "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray()) {
                if (words.size() < 257) {
                    words.add("" + first + second);
                }
            }
        }
        return String.join(" ", words);
    }

    /** Asserts a 400 whose text (a page's, or the API's JSON) says {@code message}. */
    private static void refused(String path, String message) {
        HttpResponse<String> response = app.get(path);
        assertThat(response.statusCode())
                .as(path.length() > 200 ? path.substring(0, 200) : path)
                .isEqualTo(400);
        String text = path.startsWith("/api/")
                ? response.body()
                : Jsoup.parse(response.body()).text();
        assertThat(text).contains(message);
    }

    @Test
    void aSearchTooLongTooDeepOrOfTooManyWordsIsA400ThatSaysWhy() {
        String deep = "(".repeat(33) + "bgp" + ")".repeat(33);
        String thousandsOfParentheses = "(".repeat(1500) + "bgp";
        String thousandsOfOrs = "bgp OR ".repeat(300) + "evpn";
        for (String base : List.of("/search?q=", "/api/search?q=", "/feeds/posts.atom?q=")) {
            refused(base + q(thousandsOfParentheses), "the query is 1,503 characters long: at most 1,000 are read");
            refused(base + q(thousandsOfOrs), "the query is 2,104 characters long: at most 1,000 are read");
            refused(base + q(deep), "the '(' at position 33 nests parentheses more than 32 deep");
            refused(
                    base + q(manyWords()),
                    "takes the query past 256 terms and fields: at most 256 are searched at once");
        }
    }

    @Test
    void aSearchPageOrOffsetOrLimitOutOfRangeIsA400NamingIt() {
        refused(
                "/search?q=bgp&page=2147483647",
                "page must be from 1 to 50, not 2147483647: results go 1000 deep at most");
        refused("/search?q=bgp&page=99999999999999999999", "page must be from 1 to 50, not 99999999999999999999");
        refused("/search?q=bgp&page=-3", "page must be from 1 to 50, not -3");
        refused("/search?q=bgp&page=0", "page must be from 1 to 50, not 0");
        refused("/search?q=bgp&page=last", "page must be a whole number, not 'last'");
        refused("/api/search?q=bgp&offset=2147483647", "offset must be from 0 to 980, not 2147483647");
        refused("/api/search?q=bgp&offset=-1", "offset must be from 0 to 980, not -1");
        refused("/api/search?q=bgp&limit=1&offset=999999999999", "offset must be from 0 to 999, not 999999999999");
        refused("/api/search?q=bgp&limit=99999999999", "limit must be from 1 to 100, not 99999999999");
        refused("/api/search?q=bgp&limit=-5", "limit must be from 1 to 100, not -5");
        refused("/api/search?q=bgp&limit=ten", "limit must be a whole number, not 'ten'");
        assertThat(app.get("/search?q=bgp&page=50").statusCode()).isEqualTo(200);
        assertThat(app.get("/api/search?q=bgp&limit=20&offset=980").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRiverNumberOrCursorOutOfRangeIsA400NamingIt() {
        for (String base : List.of("/?", "/api/posts?", "/feeds/posts.atom?")) {
            refused(base + "maxHype=99999999999", "maxHype must be from 0 to 100, not 99999999999");
            refused(base + "maxHype=-1", "maxHype must be from 0 to 100, not -1");
            refused(base + "maxHype=lots", "maxHype must be a whole number, not 'lots'");
            refused(base + "feed=-4", "feed must be from 1 up, not -4");
            refused(base + "feed=99999999999999999999", "feed must be from 1 up, not 99999999999999999999");
        }
        for (String base :
                List.of("/?", "/api/posts?", "/podcasts/show?name=Packets&", "/api/podcasts/episodes?name=Packets&")) {
            refused(
                    base + "after=9223372036854775807-1",
                    "not a page cursor: '9223372036854775807-1': its time is outside the years 1 to 9999");
            refused(
                    base + "after=99999999999999999999.000000000-1",
                    "not a page cursor: '99999999999999999999.000000000-1'");
            refused(base + "after=yesterday", "not a page cursor: 'yesterday'");
        }
        refused("/api/posts?limit=0", "limit must be from 1 to 200, not 0");
        refused("/api/posts?limit=99999999999999999999", "limit must be from 1 to 200, not 99999999999999999999");
        assertThat(app.get("/api/posts?limit=200").statusCode()).isEqualTo(200);
        // a cursor Sift made before issue 20 (epoch milliseconds) still reads
        assertThat(app.get("/api/posts?after=1795694400123-42").statusCode()).isEqualTo(200);
    }
}
