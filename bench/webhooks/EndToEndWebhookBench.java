import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

/**
 * The webhook latency a Mailgun user sees: messages sent with POST /v3/{d}/messages at a steady rate to a running
 * Postyard, and for each, the time from its API 200 to the receipt of its "delivered" webhook at a local receiver (the
 * message goes through the pipeline, to the SMTP sink, and the event through the webhook engine), after a warm-up of a
 * fifth as many sends (at least 50) at the same rate. JDK only. Arguments: http port, API key, domain, messages, rate per
 * second. Prints one RESULT line.
 */
public class EndToEndWebhookBench {
    private static final Pattern MESSAGE_ID = Pattern.compile("\"message-id\"\\s*:\\s*\"<?([^\">]+)>?\"");
    private static final Pattern SEND_ID = Pattern.compile("\"id\"\\s*:\\s*\"<?([^\">]+)>?\"");

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String key = args[1];
        String domain = args[2];
        int messages = Integer.parseInt(args[3]);
        int rate = Integer.parseInt(args[4]);
        String auth = "Basic " + Base64.getEncoder().encodeToString(("api:" + key).getBytes(StandardCharsets.UTF_8));
        String base = "http://127.0.0.1:" + port + "/mailgun/v3";

        Map<String, Long> answered = new ConcurrentHashMap<>();
        Map<String, Long> received = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        receiver.setExecutor(Executors.newFixedThreadPool(8));
        receiver.createContext("/hook", exchange -> {
            long now = System.nanoTime();
            try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                Matcher id = MESSAGE_ID.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                if (id.find()) {
                    received.putIfAbsent(id.group(1), now);
                }
                exchange.sendResponseHeaders(200, -1);
            }
        });
        receiver.start();

        HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
        HttpResponse<String> hook = client.send(post(base + "/domains/" + domain + "/webhooks", auth,
            "id=delivered&url=" + encode("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")), HttpResponse.BodyHandlers.ofString());
        if (hook.statusCode() != 200) {
            // Already configured by an earlier run of the same server: point it at this receiver.
            client.send(put(base + "/domains/" + domain + "/webhooks/delivered", auth,
                "url=" + encode("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")), HttpResponse.BodyHandlers.ofString());
        }

        String body = "from=" + encode("bench@" + domain) + "&to=" + encode("reader@far.example") + "&subject=webhook+latency&text="
            + "x".repeat(1000);
        // Warm-up at the same rate, not measured: the first sends of a fresh server run interpreted code.
        Map<String, Long> warmUp = new ConcurrentHashMap<>();
        sendAll(client, base, domain, auth, body, Math.max(50, messages / 5), rate, warmUp, new AtomicInteger());
        awaitWebhooks(warmUp, received);
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        sendAll(client, base, domain, auth, body, messages, rate, answered, failed);
        awaitWebhooks(answered, received);
        receiver.stop(0);

        List<Long> latencies = new ArrayList<>();
        long last = start;
        for (Map.Entry<String, Long> sent : answered.entrySet()) {
            Long at = received.get(sent.getKey());
            if (at != null) {
                latencies.add(Math.max(0, at - sent.getValue()));
                last = Math.max(last, at);
            }
        }
        latencies.sort(null);
        double seconds = (last - start) / 1e9;
        System.out.printf("RESULT label=api_200_to_webhook events_per_s=%.1f p50_ms=%.1f p99_ms=%.1f answered=%d delivered_webhooks=%d missing=%d send_errors=%d%n",
            latencies.size() / seconds, percentile(latencies, 0.50), percentile(latencies, 0.99), answered.size(), latencies.size(),
            answered.size() - latencies.size(), failed.get());
        System.exit(0);
    }

    private static void sendAll(HttpClient client, String base, String domain, String auth, String body, int messages, int rate,
                                Map<String, Long> answered, AtomicInteger failed) throws InterruptedException {
        ScheduledExecutorService senders = Executors.newScheduledThreadPool(8);
        for (int i = 0; i < messages; i++) {
            senders.schedule(() -> {
                try {
                    HttpResponse<String> response = client.send(post(base + "/" + domain + "/messages", auth, body), HttpResponse.BodyHandlers.ofString());
                    long now = System.nanoTime();
                    Matcher id = SEND_ID.matcher(response.body());
                    if (response.statusCode() == 200 && id.find()) {
                        answered.put(id.group(1), now);
                    } else {
                        failed.incrementAndGet();
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            }, TimeUnit.SECONDS.toNanos(i) / rate, TimeUnit.NANOSECONDS);
        }
        senders.shutdown();
        senders.awaitTermination(1, TimeUnit.HOURS);
    }

    private static void awaitWebhooks(Map<String, Long> answered, Map<String, Long> received) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && !received.keySet().containsAll(answered.keySet())) {
            Thread.sleep(100);
        }
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    private static HttpRequest post(String url, String auth, String form) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
            .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static HttpRequest put(String url, String auth, String form) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
            .header("Content-Type", "application/x-www-form-urlencoded").PUT(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
