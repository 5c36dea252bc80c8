package sift.web.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sift.web.TestApp;

/** App passwords are throttled with the logins: ten wrong ones from an address, and the right one waits too. */
class SyncThrottleTest {
    @TempDir
    Path dir;

    @Test
    void wrongAppPasswordsCountAsFailedLoginsOfTheAddress() {
        try (TestApp app = TestApp.startPrivate(dir, "correct horse battery")) {
            long admin = app.server.db().users().find("admin").orElseThrow().id();
            String password = app.server.db().apiTokens().createAppPassword(admin, "admin", "Reeder", Instant.now());
            SyncClient client = new SyncClient(app.url(""));
            for (int i = 0; i < 6; i++) {
                assertThat(client.clientLogin("admin", "wrong-" + i).statusCode())
                        .isEqualTo(401);
            }
            for (int i = 0; i < 4; i++) {
                JsonNode answer = client.fever(SyncClient.feverKey("admin", "wrong-" + i), "");
                assertThat(answer.get("auth").asInt()).isZero();
            }
            HttpResponse<String> refused = client.clientLogin("admin", password);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.body()).contains("Too many failed logins from 127.0.0.1");
            HttpResponse<String> fever = client.post(
                    "/fever/?api", java.util.List.of(SyncClient.p("api_key", SyncClient.feverKey("admin", password))));
            assertThat(fever.statusCode()).isEqualTo(429);
            assertThat(fever.body()).contains("\"auth\":0");
        }
    }
}
