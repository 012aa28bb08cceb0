package io.postyard.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.awaitility.Awaitility;

/**
 * A small SMTP server (RFC 5321, plain text, no extensions) whose answers to {@code RCPT TO} can be scripted per
 * address, to stand in for remote servers that refuse, defer or accept. Accepted messages are recorded whole.
 */
public class ScriptedSmtpSink implements AutoCloseable {
    public record Received(String from, List<String> recipients, String data) {
    }

    private final ServerSocket server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Deque<String>> rcptReplies = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> attempts = new CopyOnWriteArrayList<>();

    public ScriptedSmtpSink() throws IOException {
        this(0);
    }

    /** On a given port: a gateway that was down comes back where the server expects it. */
    public ScriptedSmtpSink(int port) throws IOException {
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        executor.submit(this::acceptLoop);
    }

    /** Answers for RCPT TO of this address, one per attempt; the last one repeats. "250 ..." accepts. */
    public ScriptedSmtpSink onRcpt(String address, String... replies) {
        rcptReplies.put(address.toLowerCase(Locale.ROOT), new ArrayDeque<>(List.of(replies)));
        return this;
    }

    public String gateway() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Every RCPT TO seen, accepted or not, in order. */
    public List<String> attempts() {
        return List.copyOf(attempts);
    }

    /** Forgets what was received and attempted; scripted replies stay. */
    public void clear() {
        received.clear();
        attempts.clear();
    }

    public List<Received> awaitReceived(int count, Duration timeout) {
        Awaitility.await().atMost(timeout).until(() -> received.size() >= count);
        return received();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                executor.submit(() -> session(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private String rcptReply(String address) {
        Deque<String> replies = rcptReplies.get(address.toLowerCase(Locale.ROOT));
        if (replies == null || replies.isEmpty()) {
            return "250 2.1.5 OK";
        }
        synchronized (replies) {
            return replies.size() > 1 ? replies.poll() : replies.peek();
        }
    }

    private void session(Socket socket) {
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 scripted-sink ESMTP");
            String from = null;
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                    reply(out, "250 scripted-sink");
                } else if (upper.startsWith("MAIL FROM:")) {
                    from = address(line.substring(10));
                    recipients = new ArrayList<>();
                    reply(out, "250 2.1.0 OK");
                } else if (upper.startsWith("RCPT TO:")) {
                    String recipient = address(line.substring(8));
                    attempts.add(recipient);
                    String answer = rcptReply(recipient);
                    if (answer.startsWith("2")) {
                        recipients.add(recipient);
                    }
                    reply(out, answer);
                } else if (upper.equals("DATA")) {
                    if (recipients.isEmpty()) {
                        reply(out, "554 5.5.1 No valid recipients");
                        continue;
                    }
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    StringBuilder data = new StringBuilder();
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
                    }
                    received.add(new Received(from, List.copyOf(recipients), data.toString()));
                    reply(out, "250 2.0.0 Queued");
                } else if (upper.equals("QUIT")) {
                    reply(out, "221 2.0.0 Bye");
                    return;
                } else if (upper.equals("RSET")) {
                    from = null;
                    recipients = new ArrayList<>();
                    reply(out, "250 2.0.0 OK");
                } else if (upper.equals("NOOP")) {
                    reply(out, "250 2.0.0 OK");
                } else {
                    reply(out, "502 5.5.2 Command not implemented");
                }
            }
        } catch (IOException ignored) {
            // The client went away.
        }
    }

    private static String address(String argument) {
        String trimmed = argument.trim();
        int start = trimmed.indexOf('<');
        int end = trimmed.indexOf('>');
        return start >= 0 && end > start ? trimmed.substring(start + 1, end) : trimmed.split("\\s")[0];
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        executor.shutdownNow();
    }
}
