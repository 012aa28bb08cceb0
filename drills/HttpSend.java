import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends numbered messages through {@code POST /mailgun/v3/{domain}/messages}, subject {@code drill-N}, on several
 * threads, and writes one line per request to OUT_FILE: {@code N STATUS START_MS END_MS} (STATUS 0: no answer, the
 * connection failed or timed out). Stops after COUNT requests, or (COUNT 0) once STOP_FILE exists.
 *   java HttpSend.java BASE_URL API_KEY DOMAIN TO COUNT THREADS OUT_FILE [STOP_FILE]
 * A thread waits 100 ms after an answer other than 2xx, 200 ms after no answer. BASE_URL is the Mailgun base, e.g. http://127.0.0.1:41080/mailgun. JDK only.
 */
public class HttpSend {
    public static void main(String[] args) throws Exception {
        String base = args[0], key = args[1], domain = args[2], to = args[3];
        int count = Integer.parseInt(args[4]), threads = Integer.parseInt(args[5]);
        Path out = Path.of(args[6]);
        Path stop = args.length > 7 ? Path.of(args[7]) : null;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("api:" + key).getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create(base + "/v3/" + domain + "/messages");
        AtomicInteger next = new AtomicInteger(1);
        Files.deleteIfExists(out);
        try (var writer = Files.newBufferedWriter(out)) {
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(() -> {
                    while (true) {
                        if (stop != null && Files.exists(stop)) {
                            return;
                        }
                        int n = next.getAndIncrement();
                        if (count > 0 && n > count) {
                            return;
                        }
                        String body = "from=" + enc("drill@" + domain) + "&to=" + enc(to) + "&subject=" + enc("drill-" + n)
                            + "&text=" + enc("reliability drill message " + n);
                        long start = System.currentTimeMillis();
                        int status;
                        try {
                            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Authorization", auth)
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                            status = response.statusCode();
                            if (status >= 300) {
                                Thread.sleep(100); // a failing server is not hammered
                            }
                        } catch (Exception e) {
                            status = 0;
                            try {
                                Thread.sleep(200);
                            } catch (InterruptedException interrupted) {
                                return;
                            }
                        }
                        long end = System.currentTimeMillis();
                        synchronized (writer) {
                            try {
                                writer.write(n + " " + status + " " + start + " " + end + "\n");
                                writer.flush();
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }
                    }
                });
                worker.start();
                workers.add(worker);
            }
            for (Thread worker : workers) {
                worker.join();
            }
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
