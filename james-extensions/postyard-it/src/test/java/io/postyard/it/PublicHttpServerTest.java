package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.settings.Setting;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;
import io.postyard.testing.RawHttp;

/** What the public port does for every provider: health, request ids, unknown paths, errors, slow and many clients. */
class PublicHttpServerTest {
    private static final int MAX_BODY = 64 * 1024;
    private static final int CONNECTIONS_PER_ADDRESS = 50;
    private static final Duration SLOW_ATTACK = Duration.ofSeconds(20);

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .setting(Setting.HTTP_MAX_BODY_BYTES, String.valueOf(MAX_BODY))
        .setting(Setting.HTTP_HEADER_TIMEOUT, "1s")
        .setting(Setting.HTTP_IDLE_TIMEOUT, "2s")
        .setting(Setting.HTTP_MAX_CONNECTIONS_PER_IP, String.valueOf(CONNECTIONS_PER_ADDRESS))
        .build();

    @Test
    void readyzSaysReadyOnceStartUpIsOverWithEachCheck() {
        ApiResponse response = postyard.api().get("/readyz").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("ready");
        assertThat(response.json().get("checks")).extracting(check -> check.get("component").asText())
            .contains("storage", "mail-queues");
    }

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

    @Test
    void twoHundredClientsDrippingTheirBodiesDoNotStallTheApi() throws Exception {
        Instant end = Instant.now().plus(SLOW_ATTACK);
        List<Thread> drippers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String source = "127.0.0." + (2 + i % 4);
            Thread dripper = new Thread(() -> dripBodyUntil(source, end));
            dripper.setDaemon(true);
            dripper.start();
            drippers.add(dripper);
        }
        Thread.sleep(2_000);
        Duration worst = Duration.ZERO;
        int checks = 0;
        while (Instant.now().isBefore(end.minusSeconds(1))) {
            worst = max(worst, timed(() -> assertThat(postyard.api().get("/healthz").send().status()).isEqualTo(200)));
            worst = max(worst, timed(() -> assertThat(postyard.api().get("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey())
                .send().status()).isEqualTo(200)));
            checks += 2;
            Thread.sleep(200);
        }
        for (Thread dripper : drippers) {
            dripper.join(5_000);
        }

        System.out.printf("Slow bodies: 200 clients for %d s, %d checks, worst answer %d ms%n", SLOW_ATTACK.toSeconds(), checks,
            worst.toMillis());
        assertThat(worst).isLessThan(Duration.ofSeconds(1));
        assertThat(checks).isGreaterThan(40);
    }

    /**
     * Which connections are the ones beyond the limit depends on the order the server accepts them in, not the order
     * they were opened in: the test counts the connections the server closed (readable at once: an end of stream or a
     * reset) before the idle timeout (2 s after a connection's request) closes the others too.
     */
    @Test
    void oneAddressHoldsAtMostTheConnectionLimitWhileOthersAreServed() throws Exception {
        List<SocketChannel> held = new ArrayList<>();
        Instant firstOpened = Instant.now();
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < CONNECTIONS_PER_ADDRESS + 10; i++) {
                SocketChannel channel = SocketChannel.open();
                channel.bind(new InetSocketAddress("127.0.0.9", 0));
                channel.connect(new InetSocketAddress(PostyardExtension.LOCALHOST, postyard.httpPort()));
                // Whole headers and a body still to come: neither the header deadline nor a worker thread is involved.
                channel.write(ByteBuffer.wrap("POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII)));
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ);
                held.add(channel);
            }

            Set<SelectableChannel> closedByTheServer = new HashSet<>();
            Instant lastOpened = Instant.now();
            Instant deadline = Collections.min(List.of(lastOpened.plusMillis(300), firstOpened.plusMillis(1800)));
            do {
                selector.select(50);
                selector.selectedKeys().forEach(key -> closedByTheServer.add(key.channel()));
                selector.selectedKeys().clear();
            } while (Instant.now().isBefore(deadline));

            System.out.printf("Connection limit: %d opened in %d ms, %d closed by the server within %d ms after%n", held.size(),
                Duration.between(firstOpened, lastOpened).toMillis(), closedByTheServer.size(),
                Duration.between(lastOpened, Instant.now()).toMillis());
            assertThat(closedByTheServer).hasSize(10);
            assertThat(postyard.api().get("/healthz").send().status()).isEqualTo(200);
        } finally {
            for (SocketChannel channel : held) {
                channel.close();
            }
        }
    }

    @Test
    void theServerDoesNotNameItsSoftware() {
        ApiResponse response = postyard.api().get("/healthz").send();

        assertThat(response.header("Server")).isNull();
        assertThat(response.header("X-Powered-By")).isNull();
    }

    @Test
    void requestsJettyRefusesBeforeRoutingAreAnsweredInTheProvidersFormat() throws Exception {
        Map<String, String> shapes = Map.of(
            "/mailgun/v3/", "\"message\"",
            "/omypost/v1/", "\"error\":{\"code\"",
            "/tempmail/v1/", "\"meta\":{\"request_id\"",
            "/opensrs/api/", "\"error_number\"",
            "/openmail/v1/", "\"error\":\"");
        for (Map.Entry<String, String> shape : shapes.entrySet()) {
            for (String path : List.of("%00/x", "bad%zzescape", "%C0%AF")) {
                RawHttp.Reply reply = RawHttp.send(PostyardExtension.LOCALHOST, postyard.httpPort(), "GET", shape.getKey() + path, Map.of(),
                    new byte[0]);
                assertThat(reply.status()).as(shape.getKey() + path).isEqualTo(400);
                assertThat(reply.body()).as(shape.getKey() + path).contains(shape.getValue()).doesNotContain("<html");
            }
            RawHttp.Reply tooLarge = RawHttp.send(PostyardExtension.LOCALHOST, postyard.httpPort(), "GET", shape.getKey() + "anything",
                Map.of("X-Big", "a".repeat(20_000)), new byte[0]);
            assertThat(tooLarge.status()).as(shape.getKey()).isEqualTo(431);
            assertThat(tooLarge.body()).as(shape.getKey()).contains(shape.getValue()).doesNotContain("<html");
        }
    }

    /** Jetty refuses the target while the body is on its way; the client, still writing, must not lose the answer. */
    @Test
    void aClientStillSendingItsBodyReadsTheRefusalOfAMalformedTarget() throws Exception {
        byte[] body = "z".repeat(600 * 1024).getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket(PostyardExtension.LOCALHOST, postyard.httpPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /mailgun/v3/%00/messages.mime HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 1024);
            out.flush();
            Thread.sleep(300);
            for (int offset = 1024; offset < body.length; offset += 64 * 1024) {
                out.write(body, offset, Math.min(64 * 1024, body.length - offset));
            }
            out.flush();

            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400 ").contains("\"message\"");
        }
    }

    @Test
    void aMethodNoRouteTakesIs405InTheProvidersFormat() throws Exception {
        ApiResponse delete = postyard.api().delete("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey()).send();
        assertThat(delete.status()).isEqualTo(405);
        assertThat(delete.header("Allow")).isEqualTo("GET, POST");
        assertThat(delete.json().get("message").asText()).contains("DELETE");

        RawHttp.Reply trace = RawHttp.send(PostyardExtension.LOCALHOST, postyard.httpPort(), "TRACE", "/opensrs/api/echo", Map.of(), new byte[0]);
        assertThat(trace.status()).isEqualTo(405);
        assertThat(trace.body()).contains("\"error_number\"");

        RawHttp.Reply madeUp = RawHttp.send(PostyardExtension.LOCALHOST, postyard.httpPort(), "BREW", "/tempmail/v1/domains", Map.of(),
            new byte[0]);
        assertThat(madeUp.status()).isEqualTo(405);
        assertThat(madeUp.body()).contains("\"request_id\"");
    }

    /** Sends a body of 1,000 bytes a byte a second, from the given local address, again whenever the server closes. */
    private static void dripBodyUntil(String source, Instant end) {
        while (Instant.now().isBefore(end)) {
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(source, 0));
                socket.connect(new InetSocketAddress(PostyardExtension.LOCALHOST, postyard.httpPort()));
                OutputStream out = socket.getOutputStream();
                out.write(("POST /mailgun/v3/domains HTTP/1.1\r\nHost: x\r\nAuthorization: Basic YXBpOndyb25n\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                while (Instant.now().isBefore(end)) {
                    out.write('a');
                    out.flush();
                    Thread.sleep(1_000);
                }
            } catch (java.io.IOException e) {
                sleepQuietly(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Duration timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closed by the server: an end of stream, or a reset when the server closed with the request still unread. */
    private static boolean readsEndOfStream(Socket socket) throws java.io.IOException {
        try {
            return socket.getInputStream().read() == -1;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true;
        }
    }
}
