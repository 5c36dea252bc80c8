package sift.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20: clients that send too much, lie about the scheme, or ask for heads only; over real HTTP. */
class HostileClientTest {
    private static final String ADMIN_PASSWORD = "a long admin password";

    @TempDir
    Path dir;

    /** Sends raw bytes and reads the status line Sift answers, however much of the body it took. */
    private static String statusLine(TestApp app, String head, long bodyBytes, boolean chunked) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", app.server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[64 * 1024];
            java.util.Arrays.fill(block, (byte) 'a');
            try {
                for (long sent = 0; sent < bodyBytes; sent += block.length) {
                    if (chunked) {
                        out.write((Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(block);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                }
            } catch (IOException closedBySift) {
                // Sift answered and closed while the body was still coming: what a limit does
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                line.write(b);
            }
            return line.toString(StandardCharsets.US_ASCII).strip();
        }
    }

    private static long files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    @Nested
    class RequestBodies {
        @Test
        void aHundredMegabyteUploadToTheLoginIsRefusedWith413WithoutTouchingTheDisk() throws Exception {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            try (TestApp app = TestApp.startPrivate(dir, ADMIN_PASSWORD)) {
                long before = files(tmp);
                String multipart = "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: multipart/form-data; boundary=XyZ\r\n";
                String part = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.bin\"\r\n\r\n";
                assertThat(statusLine(app, multipart + "Content-Length: 104857600\r\n\r\n" + part, 100L << 20, false))
                        .as("a declared length over the limit")
                        .startsWith("HTTP/1.1 413");
                assertThat(statusLine(
                                app,
                                multipart + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(part.length())
                                        + "\r\n" + part + "\r\n",
                                100L << 20,
                                true))
                        .as("a chunked body without a length")
                        .startsWith("HTTP/1.1 413");
                assertThat(files(tmp)).as("no upload was spooled to " + tmp).isLessThanOrEqualTo(before);
                assertThat(app.get("/login").statusCode()).as("Sift serves on").isEqualTo(200);
            }
        }

        @Test
        void aLargeFormOrJsonBodyIsRefusedWith413() throws Exception {
            try (TestApp app = TestApp.startPrivate(dir, ADMIN_PASSWORD)) {
                Visitor ana = new Visitor(app);
                ana.login("admin", ADMIN_PASSWORD, null);
                String big = "x".repeat(3 * 1024 * 1024);
                HttpResponse<String> json = ana.http.send(
                        HttpRequest.newBuilder(URI.create(app.url("/api/read")))
                                .header("Content-Type", "application/json")
                                .header("X-CSRF-Token", ana.csrf())
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() ->
                                        new java.io.ByteArrayInputStream(("{\"ids\": \"" + big + "\"}").getBytes())))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(json.statusCode()).as("chunked JSON").isEqualTo(413);
                assertThat(json.body()).contains("larger than Sift accepts");
                assertThat(ana.post("/account/tokens", Map.of("_csrf", ana.csrf(), "name", big))
                                .statusCode())
                        .as("a form with its length")
                        .isEqualTo(413);
            }
        }
    }

    @Nested
    class Proxies {
        private HttpResponse<String> viaProxy(TestApp app, String path) throws Exception {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(app.url(path)))
                                    .header("X-Forwarded-Proto", "https")
                                    .header("X-Forwarded-For", "203.0.113.9")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        }

        @Test
        void aClientsForwardedProtoIsNotBelievedFromAnUntrustedAddress() throws Exception {
            try (TestApp app = TestApp.startPrivate(dir, ADMIN_PASSWORD)) {
                HttpResponse<String> login = viaProxy(app, "/login");
                assertThat(login.headers().allValues("Set-Cookie"))
                        .isNotEmpty()
                        .allSatisfy(c -> assertThat(c).doesNotContain("Secure"));
                assertThat(login.headers().firstValue("Strict-Transport-Security"))
                        .isEmpty();
            }
        }

        @Test
        void aTrustedProxysForwardedProtoMakesCookiesSecureAndSendsHsts() throws Exception {
            try (TestApp app =
                    TestApp.startPrivate(dir, ADMIN_PASSWORD, Map.of("SIFT_TRUSTED_PROXIES", "127.0.0.1, ::1"))) {
                HttpResponse<String> login = viaProxy(app, "/login");
                assertThat(login.headers().allValues("Set-Cookie"))
                        .isNotEmpty()
                        .allSatisfy(c -> assertThat(c).contains("Secure"));
                assertThat(login.headers().firstValue("Strict-Transport-Security"))
                        .hasValue("max-age=31536000");
                assertThat(app.get("/login").headers().firstValue("Strict-Transport-Security"))
                        .as("plain HTTP from the proxy")
                        .isEmpty();
            }
        }

        @Test
        void aMalformedTrustedProxiesSettingIsRefusedByName() {
            var e = org.assertj.core.api.Assertions.catchThrowable(
                    () -> SiftConfig.from(dir, 0, false, Map.of("SIFT_TRUSTED_PROXIES", "10.0.0.0/33")));
            assertThat(e)
                    .isInstanceOf(SiftConfig.ConfigException.class)
                    .hasMessageContaining("SIFT_TRUSTED_PROXIES")
                    .hasMessageContaining("10.0.0.0/33");
        }
    }

    @Nested
    class Headers {
        @Test
        void theContentSecurityPolicyLetsTheAllowedVideoPlayersLoadAndNoOtherFrame() throws Exception {
            try (TestApp app = TestApp.start(dir, List.of(), false)) {
                String csp = app.get("/")
                        .headers()
                        .firstValue("Content-Security-Policy")
                        .orElseThrow();
                assertThat(csp)
                        .contains("frame-src https://www.youtube.com https://www.youtube-nocookie.com "
                                + "https://player.vimeo.com")
                        .doesNotContain("frame-src *");
            }
        }

        @Test
        void headOfAFeedAnswersAsItsGetDoesWithoutTheBody() throws Exception {
            try (TestApp app = TestApp.start(dir, List.of(), false)) {
                HttpResponse<String> get = app.get("/feeds/posts.atom");
                HttpResponse<String> head = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(app.url("/feeds/posts.atom")))
                                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(head.statusCode()).isEqualTo(200);
                assertThat(head.headers().firstValue("Content-Type"))
                        .isEqualTo(get.headers().firstValue("Content-Type"));
                assertThat(head.headers().firstValue("ETag"))
                        .isEqualTo(get.headers().firstValue("ETag"));
                assertThat(head.headers().firstValue("Content-Length"))
                        .hasValue(String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length));
                assertThat(head.body()).isEmpty();
            }
        }
    }
}
