import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
/**
 * The far side of the HTTP send benchmarks and the reliability drills: an SMTP server that accepts and discards
 * everything, so that a benchmark measures Postyard and not a slow sink. Every 50 ms it writes "messages recipients
 * last_message_epoch_ms" to COUNT_FILE. Run with: java NullSmtpSink.java PORT COUNT_FILE [SUBJECTS_FILE]; with
 * SUBJECTS_FILE (the drills), each message's Subject is appended to it, one a line, before the 250 is sent.
 */
public class NullSmtpSink {
    private static final AtomicLong MESSAGES = new AtomicLong();
    private static final AtomicLong RECIPIENTS = new AtomicLong();
    private static volatile long lastMessageMillis;
    private static java.io.PrintWriter subjects;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        java.nio.file.Path countFile = java.nio.file.Path.of(args[1]);
        if (args.length > 2) {
            subjects = new java.io.PrintWriter(java.nio.file.Files.newBufferedWriter(java.nio.file.Path.of(args[2]),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND));
        }
        ExecutorService workers = Executors.newCachedThreadPool();
        Thread reporter = new Thread(() -> {
            while (true) {
                try {
                    java.nio.file.Path next = countFile.resolveSibling(countFile.getFileName() + ".next");
                    java.nio.file.Files.writeString(next, MESSAGES.get() + " " + RECIPIENTS.get() + " " + lastMessageMillis + "\n");
                    java.nio.file.Files.move(next, countFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    Thread.sleep(50);
                } catch (Exception e) {
                    return;
                }
            }
        });
        reporter.setDaemon(true);
        reporter.start();
        try (ServerSocket server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket socket = server.accept();
                workers.submit(() -> session(socket));
            }
        }
    }

    private static void session(Socket socket) {
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 null-sink");
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase();
                if (upper.startsWith("DATA")) {
                    reply(out, "354 go ahead");
                    String subject = "";
                    boolean headers = true;
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        if (line.isEmpty()) {
                            headers = false;
                        } else if (headers && subject.isEmpty() && line.regionMatches(true, 0, "Subject:", 0, 8)) {
                            subject = line.substring(8).trim();
                        }
                    }
                    if (subjects != null) {
                        synchronized (NullSmtpSink.class) {
                            subjects.println(subject);
                            subjects.flush();
                        }
                    }
                    lastMessageMillis = System.currentTimeMillis();
                    MESSAGES.incrementAndGet();
                    reply(out, "250 2.0.0 discarded");
                } else if (upper.startsWith("RCPT")) {
                    RECIPIENTS.incrementAndGet();
                    reply(out, "250 ok");
                } else if (upper.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 ok");
                }
            }
        } catch (Exception ignored) {
            // client went away
        }
    }

    private static void reply(OutputStream out, String line) throws java.io.IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
