package io.postyard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import org.awaitility.Awaitility;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP listener (the JDK's {@link HttpServer}) that records every request it receives. Responses are 200
 * unless statuses are queued with {@link #respondWith(int...)}, to test retries.
 */
public class WebhookReceiver implements AutoCloseable {
    public record ReceivedRequest(String method, String path, Map<String, List<String>> headers, byte[] body) {
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
    private final Deque<Integer> queuedStatuses = new ArrayDeque<>();

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
            Map.copyOf(exchange.getRequestHeaders()), body));
        int status;
        synchronized (queuedStatuses) {
            status = queuedStatuses.isEmpty() ? 200 : queuedStatuses.poll();
        }
        exchange.sendResponseHeaders(status, -1);
        try (OutputStream ignored = exchange.getResponseBody()) {
            // Empty body.
        }
    }

    public WebhookReceiver respondWith(int... statuses) {
        synchronized (queuedStatuses) {
            for (int status : statuses) {
                queuedStatuses.add(status);
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
