package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.settings.Setting;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;
import io.postyard.testing.RawHttp;

/** What the public port does for every provider: health, request ids, unknown paths. */
class PublicHttpServerTest {
    private static final int MAX_BODY = 64 * 1024;

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .setting(Setting.HTTP_MAX_BODY_BYTES, String.valueOf(MAX_BODY))
        .setting(Setting.HTTP_HEADER_TIMEOUT, "1s")
        .setting(Setting.HTTP_IDLE_TIMEOUT, "2s")
        .build();

    @Test
    void healthzAnswersWithoutAuthentication() {
        ApiResponse response = postyard.api().get("/healthz").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("healthy");
        assertThat(response.json().get("checks")).isNotEmpty();
    }

    @Test
    void everyResponseCarriesARequestId() {
        ApiResponse response = postyard.api().get("/healthz").send();

        assertThat(response.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void aSaneClientRequestIdIsEchoed() {
        ApiResponse response = postyard.api().get("/healthz").header("X-Request-Id", "client-trace-0042").send();

        assertThat(response.header("X-Request-Id")).isEqualTo("client-trace-0042");
    }

    @Test
    void aRequestIdThatCouldForgeLogLinesIsReplaced() {
        ApiResponse response = postyard.api().get("/healthz").header("X-Request-Id", "bad id; with spaces").send();

        assertThat(response.header("X-Request-Id")).isNotEqualTo("bad id; with spaces").matches("[0-9a-f-]{36}");
    }

    @Test
    void anUnknownPathOutsideAnyProviderIsAJson404() {
        ApiResponse response = postyard.api().get("/nothing/here").send();

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("message").asText()).isEqualTo("Not Found");
    }

    @Test
    void aBodyAnnouncedOverTheLimitIsRefusedWith413BeforeItIsSent() throws Exception {
        RawHttp.Reply reply = RawHttp.send(PostyardExtension.LOCALHOST, postyard.httpPort(), "POST", "/mailgun/v3/domains",
            Map.of("Content-Type", "application/x-www-form-urlencoded", "Content-Length", String.valueOf(MAX_BODY + 1)),
            "name=".getBytes(StandardCharsets.US_ASCII));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.body()).contains("\"message\"");
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimit() throws Exception {
        String chunk = "a".repeat(16 * 1024);
        StringBuilder body = new StringBuilder("5\r\nname=\r\n");
        for (int i = 0; i < 5; i++) {
            body.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        body.append("0\r\n\r\n");
        String basic = Base64.getEncoder().encodeToString(("api:" + postyard.primaryKey()).getBytes(StandardCharsets.UTF_8));

        RawHttp.Reply reply = RawHttp.send(PostyardExtension.LOCALHOST, postyard.httpPort(), "POST", "/mailgun/v3/domains",
            Map.of("Content-Type", "application/x-www-form-urlencoded", "Transfer-Encoding", "chunked",
                "Authorization", "Basic " + basic),
            body.toString().getBytes(StandardCharsets.US_ASCII));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.body()).contains("limit");
    }

    @Test
    void aBodyTheRouteDidNotReadDoesNotCostTheClientItsKeepAliveConnection() throws Exception {
        String host = "Host: " + PostyardExtension.LOCALHOST + ":" + postyard.httpPort() + "\r\n";
        String body = "x".repeat(8 * 1024);
        try (Socket socket = new Socket(PostyardExtension.LOCALHOST, postyard.httpPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /healthz HTTP/1.1\r\n" + host + "Content-Type: text/plain\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body.substring(0, 10)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300);
            out.write((body.substring(10) + "GET /healthz HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answers.split("HTTP/1.1 200 ", -1)).hasSize(3);
        }
    }

    @Test
    void aClientDrippingItsHeadersIsCutOffAtTheHeaderTimeout() throws Exception {
        try (Socket socket = new Socket(PostyardExtension.LOCALHOST, postyard.httpPort())) {
            socket.setSoTimeout(200);
            OutputStream out = socket.getOutputStream();
            out.write("GET /healthz HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            boolean closed = false;
            for (int i = 0; i < 20 && !closed; i++) {
                Thread.sleep(300);
                try {
                    out.write(("X-Drip-" + i + ": y\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    closed = readsEndOfStream(socket);
                } catch (java.io.IOException e) {
                    closed = true;
                }
            }

            assertThat(closed).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAtTheIdleTimeout() throws Exception {
        try (Socket socket = new Socket(PostyardExtension.LOCALHOST, postyard.httpPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();

            byte[] everything = socket.getInputStream().readAllBytes();

            assertThat(new String(everything, StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200 ");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(8));
        }
    }

    private static boolean readsEndOfStream(Socket socket) throws java.io.IOException {
        try {
            return socket.getInputStream().read() == -1;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        }
    }
}
