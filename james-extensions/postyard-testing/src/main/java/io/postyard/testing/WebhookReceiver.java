package io.postyard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import org.awaitility.Awaitility;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP listener (the JDK's {@link HttpServer}) that records every request it receives. Responses are 200
 * unless statuses are queued for a path with {@link #respondAt(String, int...)}, to test retries.
 */
public class WebhookReceiver implements AutoCloseable {
    public record ReceivedRequest(String method, String path, Map<String, List<String>> headers, byte[] body, Instant receivedAt) {
        public String bodyAsString() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream())
                .findFirst()
                .orElse(null);
        }
    }

    private final HttpServer server;
    private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> queuedStatuses = new HashMap<>();
    private volatile Duration responseDelay = Duration.ZERO;

    public WebhookReceiver() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.server.createContext("/", this::handle);
        this.server.setExecutor(Executors.newFixedThreadPool(4));
        this.server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        received.add(new ReceivedRequest(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
            Map.copyOf(exchange.getRequestHeaders()), body, Instant.now()));
        sleep(responseDelay);
        int status;
        synchronized (queuedStatuses) {
            Deque<Integer> queue = queuedStatuses.get(exchange.getRequestURI().getPath());
            status = queue == null || queue.isEmpty() ? 200 : queue.poll();
        }
        exchange.sendResponseHeaders(status, -1);
        try (OutputStream ignored = exchange.getResponseBody()) {
            // Empty body.
        }
    }

    /** Makes every answer come this late: a slow receiver. */
    public WebhookReceiver delayResponses(Duration delay) {
        this.responseDelay = delay;
        return this;
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Forgets what was received and any queued statuses. */
    public void clear() {
        received.clear();
        synchronized (queuedStatuses) {
            queuedStatuses.clear();
        }
    }

    /** Queues the statuses the next requests to {@code path} get, in order; after them, 200. */
    public WebhookReceiver respondAt(String path, int... statuses) {
        synchronized (queuedStatuses) {
            Deque<Integer> queue = queuedStatuses.computeIfAbsent(path, any -> new ArrayDeque<>());
            for (int status : statuses) {
                queue.add(status);
            }
        }
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<ReceivedRequest> received() {
        return List.copyOf(received);
    }

    public List<ReceivedRequest> awaitRequests(int count, Duration timeout) {
        Awaitility.await().atMost(timeout).until(() -> received.size() >= count);
        return received();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
