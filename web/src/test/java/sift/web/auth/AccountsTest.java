package sift.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.store.AuditStore;
import sift.store.Database;
import sift.store.DbSettings;
import sift.web.TestApp;
import sift.web.Visitor;
import sift.web.cli.Main;

/** Issue 20: accounts can be taken back, from the command line and from the pages, and each change is audited. */
class AccountsTest {
    private static final String ADMIN_PASSWORD = "a long admin password";
    private static final String BEN_PASSWORD = "ben's long password";

    @TempDir
    Path dir;

    @Nested
    class CommandLine {
        private int run(String stdin, String... args) {
            InputStream in = System.in;
            PrintStream out = System.out;
            PrintStream err = System.err;
            try {
                System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
                System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
                return Main.run(args);
            } finally {
                System.setIn(in);
                System.setOut(out);
                System.setErr(err);
            }
        }

        @Test
        void everyAccountCommandWorksAndIsAuditedAsTheCommandLine() {
            Path data = dir.resolve("data");
            String d = data.toString();
            assertThat(run(
                            "a long enough password\n",
                            "user",
                            "add",
                            "admin",
                            "--admin",
                            "--password-stdin",
                            "--data",
                            d))
                    .isZero();
            assertThat(run(BEN_PASSWORD + "\n", "user", "add", "ben", "--password-stdin", "--data", d))
                    .isZero();
            try (Database db = Database.open(DbSettings.embedded(data))) {
                db.sessions().open(db.users().find("ben").orElseThrow(), java.time.Duration.ofDays(1), Instant.now());
            }
            assertThat(run("ben's new long password\n", "user", "password", "ben", "--password-stdin", "--data", d))
                    .isZero();
            assertThat(run("a new admin password\n", "user", "password", "admin", "--password-stdin", "--data", d))
                    .as("the first admin's password can change")
                    .isZero();
            assertThat(run("", "user", "disable", "ben", "--data", d)).isZero();
            assertThat(run("", "user", "disable", "admin", "--data", d))
                    .as("the last admin")
                    .isEqualTo(1);
            assertThat(run("", "user", "enable", "ben", "--data", d)).isZero();
            assertThat(run("", "user", "sign-out", "ben", "--data", d)).isZero();
            assertThat(run("", "user", "delete", "nobody", "--data", d))
                    .as("no such account")
                    .isEqualTo(1);
            assertThat(run("", "user", "list", "--data", d)).isZero();
            assertThat(run("", "user", "delete", "ben", "--data", d)).isZero();
            try (Database db = Database.open(DbSettings.embedded(data))) {
                assertThat(db.users().find("ben")).isEmpty();
                assertThat(sift.web.auth.Passwords.matches(
                                "a new admin password",
                                db.users().find("admin").orElseThrow().passwordHash()))
                        .isTrue();
                assertThat(db.audit().recent(20))
                        .extracting(AuditStore.Entry::action)
                        .containsExactly(
                                "account.delete",
                                "account.sign-out-everywhere",
                                "account.enable",
                                "account.disable",
                                "account.password-reset",
                                "account.password-reset",
                                "account.add",
                                "account.add");
                assertThat(db.audit().recent(20))
                        .allSatisfy(e -> assertThat(e.userName()).isEqualTo("command line"));
                assertThat(db.audit().recent(20).get(5).detail())
                        .as("ben's session ended")
                        .isEqualTo("1 other sessions ended");
            }
        }
    }

    @Nested
    class Pages {
        @Test
        void anAdminResetsAPasswordDisablesAndDeletesAnAccountEndingItsSessions() throws Exception {
            try (TestApp app = TestApp.startPrivate(dir, ADMIN_PASSWORD)) {
                long benId = Accounts.add(app.server.db().users(), "ben", BEN_PASSWORD, false, Instant.now());
                Visitor ben = new Visitor(app);
                ben.login("ben", BEN_PASSWORD, null);
                Visitor admin = new Visitor(app);
                admin.login("admin", ADMIN_PASSWORD, null);

                HttpResponse<String> reset =
                        admin.post("/admin/users/" + benId + "/password", Map.of("_csrf", admin.csrf()));
                String shown = Jsoup.parse(reset.body()).select("[role=status]").text();
                assertThat(shown).startsWith("'ben' can sign in with the password ");
                String made = shown.replaceAll(".*the password (\\S+) \\(shown this once\\).*", "$1");
                assertThat(ben.get("/").statusCode()).as("ben's session ended").isEqualTo(303);
                assertThat(new Visitor(app).login("ben", made, null).statusCode())
                        .isEqualTo(303);

                Visitor again = new Visitor(app);
                again.login("ben", made, null);
                assertThat(admin.post("/admin/users/" + benId + "/disable", Map.of("_csrf", admin.csrf()))
                                .statusCode())
                        .isEqualTo(200);
                assertThat(again.get("/").statusCode())
                        .as("disabling ends the session")
                        .isEqualTo(303);
                HttpResponse<String> refused = new Visitor(app).login("ben", made, null);
                assertThat(refused.statusCode()).isEqualTo(401);
                assertThat(refused.body()).as("answered as any failed login").contains("Wrong name or password.");

                long adminId =
                        app.server.db().users().find("admin").orElseThrow().id();
                HttpResponse<String> self =
                        admin.post("/admin/users/" + adminId + "/disable", Map.of("_csrf", admin.csrf()));
                assertThat(self.statusCode()).isEqualTo(400);
                assertThat(self.body()).contains("You cannot disable your own account here");
                HttpResponse<String> unconfirmed =
                        admin.post("/admin/users/" + benId + "/delete", Map.of("_csrf", admin.csrf(), "confirm", "bn"));
                assertThat(unconfirmed.statusCode()).isEqualTo(400);
                assertThat(app.server.db().users().find("ben")).isPresent();
                assertThat(admin.post(
                                        "/admin/users/" + benId + "/delete",
                                        Map.of("_csrf", admin.csrf(), "confirm", "ben"))
                                .statusCode())
                        .isEqualTo(200);
                assertThat(app.server.db().users().find("ben")).isEmpty();
                assertThat(admin.get("/admin/audit").body())
                        .contains("account.password-reset", "account.disable", "account.delete", "account ben");
            }
        }

        @Test
        void aReaderChangesTheOwnPasswordAndSignsOutEverywhereElse() throws Exception {
            try (TestApp app = TestApp.startPrivate(dir, ADMIN_PASSWORD)) {
                Accounts.add(app.server.db().users(), "ben", BEN_PASSWORD, false, Instant.now());
                Visitor laptop = new Visitor(app);
                laptop.login("ben", BEN_PASSWORD, null);
                Visitor phone = new Visitor(app);
                phone.login("ben", BEN_PASSWORD, null);

                HttpResponse<String> wrong = laptop.post(
                        "/account/password",
                        Map.of(
                                "_csrf",
                                laptop.csrf(),
                                "current",
                                "not my password",
                                "password",
                                "a brand new password",
                                "again",
                                "a brand new password"));
                assertThat(wrong.statusCode()).isEqualTo(400);
                assertThat(wrong.body()).contains("That is not your current password");
                HttpResponse<String> differ = laptop.post(
                        "/account/password",
                        Map.of(
                                "_csrf",
                                laptop.csrf(),
                                "current",
                                BEN_PASSWORD,
                                "password",
                                "a brand new password",
                                "again",
                                "a brand new passwrd"));
                assertThat(differ.body()).contains("differ");
                HttpResponse<String> changed = laptop.post(
                        "/account/password",
                        Map.of(
                                "_csrf",
                                laptop.csrf(),
                                "current",
                                BEN_PASSWORD,
                                "password",
                                "a brand new password",
                                "again",
                                "a brand new password"));
                assertThat(changed.statusCode()).isEqualTo(303);
                assertThat(laptop.get("/").statusCode())
                        .as("this session stays")
                        .isEqualTo(200);
                assertThat(phone.get("/").statusCode()).as("the other ends").isEqualTo(303);
                assertThat(new Visitor(app)
                                .login("ben", "a brand new password", null)
                                .statusCode())
                        .isEqualTo(303);

                Visitor tablet = new Visitor(app);
                tablet.login("ben", "a brand new password", null);
                assertThat(laptop.post("/account/sign-out", Map.of("_csrf", laptop.csrf()))
                                .statusCode())
                        .isEqualTo(303);
                assertThat(tablet.get("/").statusCode()).isEqualTo(303);
                assertThat(laptop.get("/").statusCode()).isEqualTo(200);
            }
        }

        @Test
        void aBadDigestSettingIsA400ThatNamesItWhetherTheFormOrTheStoreRefusesIt() throws Exception {
            try (TestApp app = TestApp.startPrivate(dir, ADMIN_PASSWORD)) {
                Visitor admin = new Visitor(app);
                admin.login("admin", ADMIN_PASSWORD, null);
                assertThat(Jsoup.parse(admin.get("/account").body())
                                .select("datalist#time-zones option")
                                .eachAttr("value"))
                        .as("a time-zone picker")
                        .contains("Europe/Zurich", "America/New_York", "UTC");
                Map<String, String> good = Map.of("timeZone", "Europe/Zurich", "hour", "7", "email", "");
                Map<String, String> refusals = Map.of(
                        "seven",
                        "The digest hour must be a whole number",
                        "Mars/Olympus",
                        "is not a time zone Sift knows");
                for (var bad :
                        Map.of("hour", "seven", "timeZone", "Mars/Olympus").entrySet()) {
                    Map<String, String> form = new HashMap<>(good);
                    form.put(bad.getKey(), bad.getValue());
                    form.put("_csrf", admin.csrf());
                    HttpResponse<String> answer = admin.post("/account/digest", form);
                    assertThat(answer.statusCode()).as(bad.toString()).isEqualTo(400);
                    assertThat(answer.body()).contains(refusals.get(bad.getValue()));
                }
                // the form lets 24 through as a number; the store's DigestSettings refuses it
                Map<String, String> late = new HashMap<>(good);
                late.put("hour", "24");
                late.put("_csrf", admin.csrf());
                HttpResponse<String> answer = admin.post("/account/digest", late);
                assertThat(answer.statusCode()).isEqualTo(400);
                assertThat(answer.body()).contains("the digest hour must be 0 to 23");
                Map<String, String> fine = new HashMap<>(good);
                fine.put("_csrf", admin.csrf());
                assertThat(admin.post("/account/digest", fine).statusCode()).isEqualTo(303);
                long id = app.server.db().users().find("admin").orElseThrow().id();
                assertThat(app.server.db().users().digestSettings(id).hour()).isEqualTo(7);
            }
        }
    }
}
