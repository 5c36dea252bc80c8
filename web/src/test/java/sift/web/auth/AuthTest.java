package sift.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.web.TestApp;
import sift.web.Visitor;

/** Logins, sessions, request tokens, lock-out and security headers, over real HTTP against a private reader. */
class AuthTest {
    private static final String ADMIN_PASSWORD = "a long admin password";

    @TempDir
    Path dir;

    @Test
    void everyPageAndApiCallNeedsALoginButLoginStyleAndHealthDoNot() throws Exception {
        try (TestApp app = TestApp.startPrivate(dir, ADMIN_PASSWORD)) {
            Visitor anon = new Visitor(app);
            HttpResponse<String> river = anon.get("/?after=x");
            assertThat(river.statusCode()).isEqualTo(303);
            assertThat(river.headers().firstValue("Location")).hasValue("/login?next=%2F%3Fafter%3Dx");
            assertThat(anon.get("/posts/1").statusCode()).isEqualTo(303);
            assertThat(anon.get("/search?q=bgp").statusCode()).isEqualTo(303);
            HttpResponse<String> api = anon.get("/api/search?q=bgp");
            assertThat(api.statusCode()).isEqualTo(401);
            assertThat(anon.get("/login").statusCode()).isEqualTo(200);
            assertThat(anon.get("/static/sift.css").statusCode()).isEqualTo(200);
            assertThat(anon.get("/health").statusCode()).isEqualTo(200);
            assertThat(anon.get("/health").body())
                    .as("issue 20: no database address for strangers")
                    .isEqualTo("{\"status\":\"ok\"}");
            assertThat(anon.get("/metrics").statusCode()).isEqualTo(401);
            assertThat(anon.post("/logout", Map.of()).statusCode())
                    .as("changing needs a session")
                    .isEqualTo(303);
        }
    }

    @Test
    void everyResponseCarriesAStrictContentSecurityPolicyAndTheUsualHeaders() throws Exception {
        try (TestApp app = TestApp.startPrivate(dir, ADMIN_PASSWORD)) {
            Visitor anon = new Visitor(app);
            for (String path : List.of("/", "/login", "/static/sift.css", "/health", "/no-such-page")) {
                HttpResponse<String> r = anon.get(path);
                assertThat(r.headers().firstValue("Content-Security-Policy"))
                        .as(path)
                        .hasValueSatisfying(csp -> {
                            assertThat(csp)
                                    .contains(
                                            "script-src 'self'",
                                            "object-src 'none'",
                                            "frame-ancestors 'none'",
                                            "base-uri 'none'")
                                    .doesNotContain("unsafe-inline", "unsafe-eval");
                        });
                assertThat(r.headers().firstValue("X-Content-Type-Options"))
                        .as(path)
                        .hasValue("nosniff");
                assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
                assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
            }
        }
    }

    @Test
    void theFirstAdminLogsInGetsAnHttpOnlySameSiteSessionAndLogsOutWithTheRequestToken() throws Exception {
        try (TestApp app = TestApp.startPrivate(dir, ADMIN_PASSWORD)) {
            assertThat(app.server
                            .db()
                            .users()
                            .find(Accounts.FIRST_ADMIN)
                            .orElseThrow()
                            .admin())
                    .isTrue();
            Visitor ana = new Visitor(app);

            HttpResponse<String> in = ana.login(Accounts.FIRST_ADMIN, ADMIN_PASSWORD, "/search?q=bgp");
            assertThat(in.statusCode()).isEqualTo(303);
            assertThat(in.headers().firstValue("Location")).hasValue("/search?q=bgp");
            assertThat(in.headers().allValues("Set-Cookie"))
                    .anySatisfy(c -> assertThat(c)
                            .startsWith("sift_session=")
                            .contains("HttpOnly", "SameSite=Lax", "Path=/")
                            .doesNotContain("Secure")); // plain HTTP on loopback; Secure comes with HTTPS
            HttpResponse<String> page = ana.get("/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(page.body()).select(".account .who").text()).isEqualTo("admin");

            assertThat(ana.post("/logout", Map.of()).statusCode())
                    .as("no request token")
                    .isEqualTo(403);
            assertThat(ana.post("/logout", Map.of("_csrf", "forged")).statusCode())
                    .isEqualTo(403);
            assertThat(ana.get("/").statusCode()).as("still signed in").isEqualTo(200);
            assertThat(ana.post("/logout", Map.of("_csrf", ana.csrf())).statusCode())
                    .isEqualTo(303);
            assertThat(ana.get("/").statusCode()).as("signed out").isEqualTo(303);
        }
    }

    @Test
    void aLoginFormFromElsewhereIsRefusedAndNextNeverLeavesTheSite() throws Exception {
        try (TestApp app = TestApp.startPrivate(dir, ADMIN_PASSWORD)) {
            Visitor eve = new Visitor(app);
            HttpResponse<String> forged =
                    eve.post("/login", Map.of("_csrf", "guess", "name", "admin", "password", ADMIN_PASSWORD));
            assertThat(forged.statusCode()).isEqualTo(403);

            for (String next : List.of("//evil.example/", "https://evil.example/", "/\\evil.example")) {
                Visitor b = new Visitor(app);
                HttpResponse<String> in = b.login("admin", ADMIN_PASSWORD, next);
                assertThat(in.headers().firstValue("Location")).as(next).hasValue("/");
            }
        }
    }

    @Test
    void anotherLoadOfTheLoginPageKeepsTheFormOnScreenValid() throws Exception {
        try (TestApp app = TestApp.startPrivate(dir, ADMIN_PASSWORD)) {
            Visitor ana = new Visitor(app);
            String token = Jsoup.parse(ana.get("/login").body())
                    .select("input[name=_csrf]")
                    .val();
            assertThat(ana.get("/favicon.ico").statusCode())
                    .as("the icon is no page behind the login")
                    .isEqualTo(404);
            ana.get("/login"); // a second tab
            HttpResponse<String> in =
                    ana.post("/login", Map.of("_csrf", token, "name", "admin", "password", ADMIN_PASSWORD));
            assertThat(in.statusCode()).isEqualTo(303);
        }
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForStrangersButNotForItsReadersOwnBrowser() throws Exception {
        try (TestApp app = TestApp.startPrivate(dir, ADMIN_PASSWORD)) {
            Accounts.add(app.server.db().users(), "ben", "ben's long password", false, Instant.now());
            Visitor bensLaptop = new Visitor(app);
            assertThat(bensLaptop.login("ben", "ben's long password", null).statusCode())
                    .isEqualTo(303);
            bensLaptop.post("/logout", Map.of("_csrf", bensLaptop.csrf()));

            Visitor mallory = new Visitor(app);
            HttpResponse<String> unknown = mallory.login("nobody", "whatever it is", null);
            assertThat(unknown.statusCode()).isEqualTo(401);
            String wrongAnswer =
                    Jsoup.parse(unknown.body()).select("[role=alert]").text();
            assertThat(wrongAnswer).startsWith("Wrong name or password.");
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> wrong = mallory.login("ben", "not ben's password", null);
                assertThat(wrong.statusCode()).isEqualTo(401);
            }
            // issue 20: a locked account answers as a wrong password does, so names do not show
            HttpResponse<String> locked = new Visitor(app).login("ben", "ben's long password", null);
            assertThat(locked.statusCode()).isEqualTo(401);
            assertThat(Jsoup.parse(locked.body()).select("[role=alert]").text()).isEqualTo(wrongAnswer);
            // issue 20: the strangers' guesses do not lock ben out of the browser he signed in from
            assertThat(bensLaptop.login("ben", "ben's long password", null).statusCode())
                    .isEqualTo(303);
            assertThat(new Visitor(app).login("admin", ADMIN_PASSWORD, null).statusCode())
                    .as("other accounts are not locked")
                    .isEqualTo(303);
        }
    }

    /** Issue 20: the lock was read before the hash and counted after it, so parallel attempts were all tried. */
    @Test
    void fortyParallelWrongPasswordsAreCheckedAtMostFiveTimes() throws Exception {
        try (TestApp app = TestApp.startPrivate(dir, ADMIN_PASSWORD)) {
            double before = app.metric("sift_password_checks_total");
            List<Visitor> visitors = new java.util.ArrayList<>();
            List<String> tokens = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Visitor v = new Visitor(app);
                tokens.add(Jsoup.parse(v.get("/login").body())
                        .select("input[name=_csrf]")
                        .val());
                visitors.add(v);
            }
            var pool = java.util.concurrent.Executors.newFixedThreadPool(40);
            try {
                List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    Visitor v = visitors.get(i);
                    String token = tokens.get(i);
                    answers.add(pool.submit(
                            () -> v.post("/login", Map.of("_csrf", token, "name", "admin", "password", "a wrong guess"))
                                    .statusCode()));
                }
                for (var answer : answers) {
                    assertThat(answer.get()).isIn(401, 429);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(app.metric("sift_password_checks_total") - before).isEqualTo(5.0);
        }
    }

    @Test
    void oneAddressGetsTenFailedLoginsIn15MinutesWhateverTheNames() throws Exception {
        try (TestApp app = TestApp.startPrivate(dir, ADMIN_PASSWORD)) {
            Visitor eve = new Visitor(app);
            for (int i = 0; i < 10; i++) {
                assertThat(eve.login("name" + i, "a wrong guess", null).statusCode())
                        .isEqualTo(401);
            }
            HttpResponse<String> limited = eve.login("admin", ADMIN_PASSWORD, null);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(Jsoup.parse(limited.body()).select("[role=alert]").text())
                    .startsWith("Too many failed logins from your address: try again after");
        }
    }

    @Test
    void aPublicReaderOpensReadingButNotChanging() throws Exception {
        try (TestApp app = TestApp.start(dir, List.of(), false)) {
            Visitor anon = new Visitor(app);
            assertThat(anon.get("/").statusCode()).isEqualTo(200);
            assertThat(anon.get("/api/search?q=bgp").statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(anon.get("/").body()).select("a.account").text())
                    .isEqualTo("Log in");
            assertThat(anon.post("/logout", Map.of()).statusCode()).isEqualTo(303);
            assertThat(anon.post("/logout", Map.of()).headers().firstValue("Location"))
                    .hasValue("/login");
        }
    }
}
