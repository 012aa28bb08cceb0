import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SMTP load and IMAP count of the crash drill. JDK only, one file.
 *
 * <pre>
 * java Driver.java send HOST PORT RCPT CONNECTIONS OUT_FILE STOP_FILE
 *     numbered messages (Subject: drill-N, X-Drill-Id: N) on CONNECTIONS connections until STOP_FILE exists; one line
 *     per message to OUT_FILE: "N CODE MILLIS", CODE being the reply to the end of DATA (250, 451, ...) or ERR when
 *     the connection broke before that reply (the server may or may not have the message). A broken connection is
 *     reconnected every 200 ms. A number is never sent twice.
 * java Driver.java imap HOST PORT USER PASSWORD
 *     prints "N COUNT" for every drill-N message in INBOX (COUNT > 1: duplicated), by a raw IMAP session
 * java Driver.java report OUT_FILE RESTARTS_FILE IMAP_HOST IMAP_PORT USER PASSWORD
 *     the drill's figures: answered 250, present, lost (250 and absent), duplicated, and per restart (RESTARTS_FILE:
 *     one epoch-millis per line, when a server was started) the time to the first 250 after it
 * </pre>
 */
public class Driver {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "send" -> send(args[1], Integer.parseInt(args[2]), args[3], Integer.parseInt(args[4]), Path.of(args[5]), Path.of(args[6]));
            case "imap" -> imap(args[1], Integer.parseInt(args[2]), args[3], args[4]).forEach((n, c) -> System.out.println(n + " " + c));
            case "report" -> report(Path.of(args[1]), Path.of(args[2]), args[3], Integer.parseInt(args[4]), args[5], args[6]);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    // ---- send

    static void send(String host, int port, String rcpt, int connections, Path out, Path stop) throws Exception {
        AtomicInteger next = new AtomicInteger(1);
        try (Writer writer = Files.newBufferedWriter(out)) {
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                Thread thread = new Thread(() -> {
                    while (!Files.exists(stop)) {
                        try (Socket socket = new Socket()) {
                            socket.connect(new InetSocketAddress(host, port), 2000);
                            socket.setSoTimeout(60_000);
                            session(socket, rcpt, next, writer, stop);
                        } catch (IOException e) {
                            sleep(200);
                        }
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    private static void session(Socket socket, String rcpt, AtomicInteger next, Writer writer, Path stop) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = socket.getOutputStream();
        expect(in, "220");
        command(out, "EHLO drill.local");
        expect(in, "250");
        while (!Files.exists(stop)) {
            command(out, "MAIL FROM:<drill@drill.local>");
            String reply = reply(in);
            if (!reply.startsWith("250")) {
                sleep(200);
                command(out, "RSET");
                reply(in);
                continue;
            }
            command(out, "RCPT TO:<" + rcpt + ">");
            reply = reply(in);
            if (!reply.startsWith("250")) {
                sleep(200);
                command(out, "RSET");
                reply(in);
                continue;
            }
            command(out, "DATA");
            if (!reply(in).startsWith("354")) {
                command(out, "RSET");
                reply(in);
                continue;
            }
            // The number is taken only now: from here on, the server may store the message.
            int n = next.getAndIncrement();
            String code = "ERR";
            try {
                out.write(("From: drill@drill.local\r\nTo: " + rcpt + "\r\nSubject: drill-" + n + "\r\nX-Drill-Id: " + n
                    + "\r\nMessage-ID: <drill-" + n + "@drill.local>\r\n\r\nreliability drill message " + n + "\r\n.\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                code = reply(in).substring(0, 3);
            } finally {
                synchronized (writer) {
                    writer.write(n + " " + code + " " + System.currentTimeMillis() + "\n");
                    writer.flush();
                }
            }
        }
        command(out, "QUIT");
    }

    private static void command(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** The last line of a (possibly multi-line) reply. */
    private static String reply(BufferedReader in) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }

    private static void expect(BufferedReader in, String code) throws IOException {
        String line = reply(in);
        if (!line.startsWith(code)) {
            throw new IOException("unexpected reply: " + line);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- imap

    private static final Pattern SUBJECT = Pattern.compile("(?i)^Subject: drill-(\\d+)");

    static Map<Integer, Integer> imap(String host, int port, String user, String password) throws IOException {
        Map<Integer, Integer> counts = new TreeMap<>();
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(120_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            in.readLine();
            imapCommand(in, out, "a1 LOGIN \"" + user + "\" \"" + password + "\"", null);
            imapCommand(in, out, "a2 SELECT INBOX", null);
            imapCommand(in, out, "a3 UID FETCH 1:* (BODY.PEEK[HEADER.FIELDS (SUBJECT)])", line -> {
                Matcher matcher = SUBJECT.matcher(line);
                if (matcher.find()) {
                    counts.merge(Integer.parseInt(matcher.group(1)), 1, Integer::sum);
                }
            });
            imapCommand(in, out, "a4 LOGOUT", null);
        }
        return counts;
    }

    private static void imapCommand(BufferedReader in, OutputStream out, String command, java.util.function.Consumer<String> lines)
        throws IOException {
        String tag = command.substring(0, command.indexOf(' '));
        command(out, command);
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith(tag + " ")) {
                if (!line.startsWith(tag + " OK")) {
                    throw new IOException(command + ": " + line);
                }
                return;
            }
            if (lines != null) {
                lines.accept(line);
            }
        }
        throw new IOException("connection closed during " + command);
    }

    // ---- report

    static void report(Path out, Path restarts, String host, int port, String user, String password) throws IOException {
        Map<Integer, String> codes = new TreeMap<>();
        TreeMap<Long, Integer> accepted = new TreeMap<>();
        for (String line : Files.readAllLines(out)) {
            String[] f = line.trim().split(" ");
            if (f.length == 3) {
                codes.put(Integer.parseInt(f[0]), f[1]);
                if (f[1].equals("250")) {
                    accepted.merge(Long.parseLong(f[2]), 1, Integer::sum);
                }
            }
        }
        Map<Integer, Integer> present = imap(host, port, user, password);
        long answered = codes.values().stream().filter("250"::equals).count();
        long errors = codes.values().stream().filter("ERR"::equals).count();
        long refused = codes.size() - answered - errors;
        List<Integer> lost = new ArrayList<>(), duplicated = new ArrayList<>(), unknownPresent = new ArrayList<>(),
            refusedPresent = new ArrayList<>(), neverSent = new ArrayList<>();
        codes.forEach((n, code) -> {
            int c = present.getOrDefault(n, 0);
            if (code.equals("250") && c == 0) {
                lost.add(n);
            } else if (code.equals("ERR") && c > 0) {
                unknownPresent.add(n);
            } else if (!code.equals("250") && !code.equals("ERR") && c > 0) {
                refusedPresent.add(n);
            }
        });
        present.forEach((n, c) -> {
            if (c > 1) {
                duplicated.add(n);
            }
            if (!codes.containsKey(n)) {
                neverSent.add(n);
            }
        });
        System.out.println("messages sent (DATA completed or cut): " + codes.size());
        System.out.println("answered 250: " + answered);
        System.out.println("answered 4xx/5xx: " + refused + (refusedPresent.isEmpty() ? "" : " (present anyway: " + refusedPresent + ")"));
        System.out.println("connection cut before the reply: " + errors + " (present anyway: " + unknownPresent.size() + ")");
        System.out.println("present in INBOX (distinct): " + present.size() + ", copies: "
            + present.values().stream().mapToInt(Integer::intValue).sum());
        System.out.println("lost (250 but absent): " + lost.size() + (lost.isEmpty() ? "" : " " + lost));
        System.out.println("duplicated (more than one copy): " + duplicated.size() + (duplicated.isEmpty() ? "" : " " + duplicated));
        if (!neverSent.isEmpty()) {
            System.out.println("present but never sent (?): " + neverSent);
        }
        int i = 0;
        for (String line : Files.readAllLines(restarts)) {
            if (line.isBlank()) {
                continue;
            }
            long start = Long.parseLong(line.trim());
            Long first = accepted.ceilingKey(start);
            System.out.println("restart " + (i++) + ": first 250 after " + (first == null ? "never" : (first - start) + " ms"));
        }
    }
}
