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
 * The far side of the HTTP send benchmark: an SMTP server that accepts and discards everything, counting messages,
 * so that the benchmark measures Postyard and not a slow sink. Run with: java NullSmtpSink.java PORT COUNT_FILE
 * [SUBJECTS_FILE]; with SUBJECTS_FILE (the reliability drills), each message's Subject is appended to it, one a line,
 * before the 250 is sent.
 */
public class NullSmtpSink {
    private static final AtomicLong MESSAGES = new AtomicLong();
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
                    java.nio.file.Files.writeString(countFile, Long.toString(MESSAGES.get()));
                    Thread.sleep(500);
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
                    MESSAGES.incrementAndGet();
                    reply(out, "250 2.0.0 discarded");
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
