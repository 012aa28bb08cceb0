import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.james.core.Domain;

import com.sun.net.httpserver.HttpServer;

import io.postyard.camel.CamelRuntime;
import io.postyard.camel.webhook.CamelWebhookDispatcher;
import io.postyard.camel.webhook.WebhookDeliveryRoutes;
import io.postyard.camel.webhook.WebhookEventSubscriber;
import io.postyard.core.account.AccountId;
import io.postyard.core.event.EventType;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.webhook.MemoryWebhookOutbox;
import io.postyard.core.webhook.WebhookTarget;
import io.postyard.core.webhook.WebhookUrlPolicy;
import io.postyard.mailgun.MailgunWebhookScheme;

/**
 * N events through the real delivery engine (outbox, Camel routes, Mailgun signing, camel-http) to a local JDK
 * receiver; then, as the baseline on the same machine in the same run, the same N bodies posted straight to the same
 * receiver by Apache HttpClient 5 (what camel-http uses) with the engine's per-host concurrency (4). Prints events/s and publish-to-receipt
 * p50/p99 for both, and their ratios. Arguments: events (burst), rate (per second, paced), paced events (default: events).
 * bench/run-all.sh runs it.
 */
public class WebhookBench {
    private static final int PER_HOST = 4;
    private static final int STARTUP_EVENTS = 20;

    private static final Map<String, Long> PUBLISHED = new ConcurrentHashMap<>();
    private static final List<Long> LATENCIES = Collections.synchronizedList(new ArrayList<>());
    private static volatile CountDownLatch remaining;

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int paced = args.length > 2 ? Integer.parseInt(args[2]) : events;
        HttpServer receiver = receiver();
        URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        try {
            run("warm-up", Math.min(events / 4, 5_000), 0, () -> engine(url));
            run("warm-up", Math.min(events / 4, 5_000), 0, () -> baseline(url));
            Result engineBurst = run("engine burst", events, 0, () -> engine(url));
            Result baselineBurst = run("baseline burst", events, 0, () -> baseline(url));
            Result enginePaced = run("engine at " + rate + "/s", paced, rate, () -> engine(url));
            Result baselinePaced = run("baseline at " + rate + "/s", paced, rate, () -> baseline(url));
            System.out.printf("RATIO engine/baseline: burst throughput %.2f; at %d/s p50 %.2f, p99 %.2f%n",
                engineBurst.perSecond / baselineBurst.perSecond, rate, enginePaced.p50 / baselinePaced.p50, enginePaced.p99 / baselinePaced.p99);
        } finally {
            receiver.stop(0);
            System.exit(0);
        }
    }

    interface Publisher extends AutoCloseable {
        void publish(String eventId, byte[] payload) throws Exception;
    }

    record Result(double perSecond, double p50, double p99) {
    }

    interface PublisherFactory {
        Publisher create() throws Exception;
    }

    /** Publishes {@code events} as fast as possible ({@code rate} 0: a burst, for throughput) or paced at {@code rate}/s (for latency). */
    private static Result run(String label, int events, int rate, PublisherFactory factory) throws Exception {
        try (Publisher publisher = factory.create()) {
            // A publisher is a fresh engine: events sent while its routes are still starting wait for its first sweep
            // (a second later), which a running server never shows. A few events through it first, not measured.
            PUBLISHED.clear();
            LATENCIES.clear();
            remaining = new CountDownLatch(STARTUP_EVENTS);
            for (int i = 0; i < STARTUP_EVENTS; i++) {
                String id = java.util.UUID.randomUUID().toString();
                PUBLISHED.put(id, System.nanoTime());
                publisher.publish(id, payload(id));
            }
            if (!remaining.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException(label + ": the engine did not start");
            }
            PUBLISHED.clear();
            LATENCIES.clear();
            remaining = new CountDownLatch(events);
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                if (rate > 0) {
                    long due = start + (long) (i * 1e9 / rate);
                    for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                        java.util.concurrent.locks.LockSupport.parkNanos(due - now);
                    }
                }
                String id = java.util.UUID.randomUUID().toString();
                PUBLISHED.put(id, System.nanoTime());
                publisher.publish(id, payload(id));
            }
            if (!remaining.await(300, TimeUnit.SECONDS)) {
                throw new IllegalStateException(label + ": " + remaining.getCount() + " events never arrived");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Long> sorted = new ArrayList<>(LATENCIES);
            Collections.sort(sorted);
            Result result = new Result(events / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99));
            if (!label.startsWith("warm-up")) {
                System.out.printf("RESULT label=%s events=%d events_per_s=%.0f p50_ms=%.2f p99_ms=%.2f%n", label.replace(' ', '_'), events, result.perSecond,
                    result.p50, result.p99);
            }
            return result;
        }
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size()))) / 1e6;
    }

    private static byte[] payload(String id) {
        return ("{\"id\":\"" + id + "\",\"event\":\"delivered\",\"timestamp\":1764000000.123,\"log-level\":\"info\","
            + "\"recipient\":\"reader@remote.example\",\"recipient-domain\":\"remote.example\",\"tags\":[\"bench\"],"
            + "\"user-variables\":{\"order\":\"42\"},\"envelope\":{\"sender\":\"bounce+0123456789abcdef@bench.test\","
            + "\"targets\":\"reader@remote.example\",\"transport\":\"smtp\"},\"message\":{\"headers\":{\"to\":\"reader@remote.example\","
            + "\"message-id\":\"20261124.0123456789@bench.test\",\"from\":\"app@bench.test\",\"subject\":\"Bench\"},\"size\":1024},"
            + "\"delivery-status\":{\"code\":250,\"message\":\"OK\",\"attempt-no\":1,\"session-seconds\":0.1}}")
            .getBytes(StandardCharsets.UTF_8);
    }

    private static HttpServer receiver() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            long now = System.nanoTime();
            String text = new String(body, StandardCharsets.UTF_8);
            int at = text.indexOf("\"id\":\"") + 6;
            Long published = PUBLISHED.remove(text.substring(at, text.indexOf('"', at)));
            exchange.sendResponseHeaders(200, -1);
            try (OutputStream ignored = exchange.getResponseBody()) {
                // empty
            }
            if (published != null) {
                LATENCIES.add(now - published);
                remaining.countDown();
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        return server;
    }

    /** The real engine: subscriber, outbox, Camel routes; one subscription to the local receiver. */
    private static Publisher engine(URI url) throws Exception {
        Clock clock = Clock.systemUTC();
        MemoryWebhookOutbox outbox = new MemoryWebhookOutbox();
        PostyardSettings settings = PostyardSettings.defaults();
        WebhookDeliveryRoutes routes = new WebhookDeliveryRoutes(outbox, Set.of(MailgunWebhookScheme.SCHEME),
            new WebhookUrlPolicy(true), clock, settings, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        CamelRuntime camel = new CamelRuntime(Set.of(routes));
        camel.start();
        Map<String, byte[]> payloads = new ConcurrentHashMap<>();
        WebhookEventSubscriber subscriber = new WebhookEventSubscriber(
            Set.of(event -> List.of(new WebhookTarget("bench", url, MailgunWebhookScheme.SCHEME.name(), "bench-signing-key", payloads.remove(event.id().value())))),
            outbox, new CamelWebhookDispatcher(camel), clock);
        return new Publisher() {
            @Override
            public void publish(String eventId, byte[] payload) {
                payloads.put(eventId, payload);
                subscriber.onEvent(PostyardEvent.builder(EventType.DELIVERED, AccountId.DEFAULT, Domain.of("bench.test"))
                    .id(new io.postyard.core.event.EventId(eventId)).build());
            }

            @Override
            public void close() {
                camel.stop();
            }
        };
    }

    /**
     * The floor: the same bodies posted by the HTTP client camel-http uses (Apache HttpClient 5), from a queue served by
     * four threads, as the engine's per-host bound; no outbox, no signing, no Camel.
     */
    private static Publisher baseline(URI url) {
        CloseableHttpClient client = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setMaxConnPerRoute(PER_HOST).setMaxConnTotal(PER_HOST).build())
            .build();
        ExecutorService workers = Executors.newFixedThreadPool(PER_HOST);
        return new Publisher() {
            @Override
            public void publish(String eventId, byte[] payload) {
                workers.execute(() -> {
                    HttpPost post = new HttpPost(url);
                    post.setEntity(new ByteArrayEntity(payload, ContentType.APPLICATION_JSON));
                    try {
                        client.execute(post, response -> null);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }

            @Override
            public void close() throws Exception {
                workers.shutdown();
                client.close();
            }
        };
    }
}
