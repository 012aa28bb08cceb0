import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * Webhook receiver of the reliability drills: answers 200 to every POST, checks the Mailgun signature (HMAC-SHA256 of
 * timestamp + token with the signing key), and counts posts, distinct event ids (event-data.id) and distinct messages
 * (by subject). Writes its counts to STATS_FILE twice a second and each post (event id, subject) to LOG_FILE.
 *   java WebhookReceiver.java PORT SIGNING_KEY STATS_FILE LOG_FILE
 */
public class WebhookReceiver {
    private static final Pattern EVENT_ID = Pattern.compile("\"event-data\"\\s*:\\s*\\{\\s*(?:\"[^\"]+\"\\s*:\\s*(?:\"[^\"]*\"|[-0-9.eE]+|true|false|null)\\s*,\\s*)*?\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ANY_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SUBJECT = Pattern.compile("\"subject\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\"\\s*:\\s*\"?([0-9]+)\"?");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([0-9a-f]+)\"");
    private static final Pattern SIGNATURE = Pattern.compile("\"signature\"\\s*:\\s*\"([0-9a-f]+)\"");

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] key = args[1].getBytes(StandardCharsets.UTF_8);
        Path stats = Path.of(args[2]);
        Path log = Path.of(args[3]);
        AtomicInteger posts = new AtomicInteger(), badSignatures = new AtomicInteger(), noId = new AtomicInteger();
        Map<String, Integer> events = new ConcurrentHashMap<>();
        Map<String, Integer> subjects = new ConcurrentHashMap<>();
        var writer = Files.newBufferedWriter(log);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (posts.incrementAndGet() == 1) {
                Files.writeString(Path.of(args[3] + ".first.json"), body);
            }
            String id = find(EVENT_ID, body);
            if (id == null) {
                // event-data's own id could follow a nested object: take the last "id" at that nesting, roughly
                int at = body.indexOf("\"event-data\"");
                id = at < 0 ? null : find(ANY_ID, body.substring(at));
            }
            String subject = find(SUBJECT, body);
            if (id == null) {
                noId.incrementAndGet();
            } else if (events.merge(id, 1, Integer::sum) == 1 && subject != null) {
                subjects.merge(subject, 1, Integer::sum);
            }
            if (!signed(key, body)) {
                badSignatures.incrementAndGet();
            }
            synchronized (writer) {
                writer.write(id + " " + subject + "\n");
                writer.flush();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        while (true) {
            long duplicateMessages = subjects.values().stream().filter(c -> c > 1).count();
            long repeatedPosts = events.values().stream().filter(c -> c > 1).count();
            Files.writeString(stats, "posts=" + posts.get() + " events=" + events.size() + " messages=" + subjects.size()
                + " events_posted_more_than_once=" + repeatedPosts + " messages_with_several_events=" + duplicateMessages
                + " bad_signatures=" + badSignatures.get() + " without_id=" + noId.get() + "\n");
            Thread.sleep(500);
        }
    }

    private static String find(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static boolean signed(byte[] key, String body) {
        try {
            int at = body.indexOf("\"signature\"");
            String part = at < 0 ? body : body.substring(at);
            String timestamp = find(TIMESTAMP, part), token = find(TOKEN, part), signature = find(SIGNATURE, part.substring(1));
            if (timestamp == null || token == null || signature == null) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + token).getBytes(StandardCharsets.UTF_8))).equals(signature);
        } catch (Exception e) {
            return false;
        }
    }
}
