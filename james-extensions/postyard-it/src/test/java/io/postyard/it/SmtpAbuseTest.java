package io.postyard.it;

import static io.postyard.testing.PostyardExtension.LOCALHOST;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.commons.net.smtp.SMTPClient;
import org.apache.commons.net.smtp.SMTPReply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.settings.Setting;
import io.postyard.testing.PostyardExtension;

/**
 * What a mail server on the internet meets from its first minute, on every SMTP listener: relay attempts, password
 * guessing, oversized messages, recipient floods, garbage and endless lines, clients that connect and go quiet, and
 * clients that open connection after connection.
 * Limits are set small here so that each is reached quickly.
 */
class SmtpAbuseTest {
    private static final String DOMAIN = "abuse.test";
    private static final String USER = "ivy@" + DOMAIN;
    private static final String PASSWORD = "ivy-abuse-password-1";
    private static final int MAX_KB = 64;
    private static final int MAX_RECIPIENTS = 10;
    private static final int MAX_AUTH_FAILURES = 3;
    private static final int MAX_CONNECTIONS_PER_IP = 10;

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .setting(Setting.TESTING_TRUST_ALL_DOMAINS, "true")
        .setting(Setting.SMTP_MAX_MESSAGE_KB, String.valueOf(MAX_KB))
        .setting(Setting.SMTP_MAX_RECIPIENTS, String.valueOf(MAX_RECIPIENTS))
        .setting(Setting.SMTP_AUTH_MAX_FAILURES, String.valueOf(MAX_AUTH_FAILURES))
        .setting(Setting.SMTP_AUTH_FAILURE_WINDOW, "10m")
        .setting(Setting.SMTP_IDLE_TIMEOUT_SECONDS, "2")
        .setting(Setting.SMTP_MAX_CONNECTIONS_PER_IP, String.valueOf(MAX_CONNECTIONS_PER_IP))
        .withSmtpSink()
        .build();

    @BeforeAll
    static void createDomainAndUser() {
        postyard.api().post("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey()).form(Map.of("name", DOMAIN)).send();
        assertThat(postyard.api().post("/mailgun/v3/domains/" + DOMAIN + "/credentials").basicAuth("api", postyard.primaryKey())
            .form(Map.of("login", "ivy", "password", PASSWORD)).send().status()).isEqualTo(200);
    }

    private static List<Integer> smtpPorts() {
        return List.of(postyard.smtpPort(), postyard.submissionPort());
    }

    @Test
    void noListenerRelaysForAnUnauthenticatedClientWhateverTheSenderClaims() throws Exception {
        for (int port : smtpPorts()) {
            for (String sender : List.of("someone@outside.test", USER, "postmaster@" + DOMAIN)) {
                SMTPClient client = connect(port, InetAddress.getLoopbackAddress());
                try {
                    client.helo("relay-attempt.test");
                    boolean refused = !client.setSender(sender) || !client.addRecipient("victim@elsewhere.test");

                    assertThat(refused).as("port %d, sender %s", port, sender).isTrue();
                    assertThat(client.getReplyCode()).as("port %d, sender %s", port, sender).isBetween(500, 599);
                } finally {
                    client.disconnect();
                }
            }
        }
        assertThat(postyard.sink().messages()).isEmpty();
    }

    @Test
    void repeatedFailedLoginsFromOneAddressAreRefusedEvenWithTheRightPasswordButOthersMayLogIn() throws Exception {
        InetAddress guesser = InetAddress.getByName("127.0.0.3");
        for (int attempt = 0; attempt < MAX_AUTH_FAILURES; attempt++) {
            assertThat(authenticate(postyard.submissionPort(), guesser, "wrong-guess-" + attempt)).isEqualTo(535);
        }

        assertThat(authenticate(postyard.submissionPort(), guesser, PASSWORD)).isEqualTo(454);
        assertThat(authenticate(postyard.smtpPort(), guesser, PASSWORD)).as("another listener").isEqualTo(454);
        assertThat(authenticate(postyard.submissionPort(), InetAddress.getByName("127.0.0.4"), PASSWORD)).isEqualTo(235);
    }

    @Test
    void aMessageOverTheSizeLimitIsRefusedWith552WhetherItsSizeIsAnnouncedOrNot() throws Exception {
        SMTPClient announced = connect(postyard.smtpPort(), InetAddress.getLoopbackAddress());
        try {
            announced.sendCommand("EHLO big.test");
            announced.sendCommand("MAIL FROM:<big@outside.test> SIZE=" + (MAX_KB * 1024 * 2));
            assertThat(announced.getReplyCode()).isEqualTo(552);
        } finally {
            announced.disconnect();
        }

        SMTPClient unannounced = connect(postyard.smtpPort(), InetAddress.getLoopbackAddress());
        try {
            unannounced.helo("big.test");
            assertThat(unannounced.setSender("big@outside.test")).isTrue();
            assertThat(unannounced.addRecipient(USER)).isTrue();
            String body = "Subject: too big\r\n\r\n" + ("x".repeat(76) + "\r\n").repeat(MAX_KB * 1024 * 2 / 78);
            unannounced.sendShortMessageData(body);
            assertThat(unannounced.getReplyCode()).isEqualTo(552);
        } finally {
            unannounced.disconnect();
        }
    }

    @Test
    void recipientsBeyondTheLimitAreRefusedAndTheMessageStillGoesToTheOthers() throws Exception {
        SMTPClient client = connect(postyard.submissionPort(), InetAddress.getByName("127.0.0.5"));
        try {
            client.sendCommand("EHLO many.test");
            client.sendCommand("AUTH PLAIN " + plain(USER, PASSWORD));
            assertThat(client.getReplyCode()).isEqualTo(235);
            assertThat(client.setSender(USER)).isTrue();
            for (int i = 0; i < MAX_RECIPIENTS; i++) {
                assertThat(client.addRecipient("r" + i + "@far.test")).as("recipient %d", i).isTrue();
            }

            assertThat(client.addRecipient("one-too-many@far.test")).isFalse();
            assertThat(client.getReplyCode()).isBetween(450, 559);
            assertThat(client.sendShortMessageData("Subject: many\r\n\r\nhello\r\n")).isTrue();
        } finally {
            client.disconnect();
        }
    }

    @Test
    void garbageCommandsAndAVeryLongLineAreAnsweredAndTheServerKeepsServing() throws Exception {
        try (Socket socket = new Socket(LOCALHOST, postyard.smtpPort())) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            assertThat(readReply(in)).startsWith("220");
            for (String garbage : List.of("FOO BAR", "MAIL FROM:<not an address", "RCPT TO:<x@y>", "DATA", "\u0001\u0002\u0003", "HELO")) {
                out.write((garbage + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                assertThat(readReply(in)).as(garbage).matches("(?s)5\\d\\d[ -].*");
            }
            out.write(("HELO " + "a".repeat(10_000) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = readReply(in);
            assertThat(answer.isEmpty() || answer.startsWith("5")).as("answer to a 10,000-character line: %s", answer).isTrue();
        }

        SMTPClient client = connect(postyard.smtpPort(), InetAddress.getLoopbackAddress());
        try {
            client.helo("after.test");
            assertThat(client.setSender("after@outside.test")).isTrue();
            assertThat(client.addRecipient(USER)).isTrue();
            assertThat(client.sendShortMessageData("Subject: still serving\r\n\r\nhello\r\n")).isTrue();
        } finally {
            client.disconnect();
        }
    }

    @Test
    void aQuotedLocalPartHoldingAnAtSignIsRefusedPermanentlyOnEveryListener() throws Exception {
        for (int port : smtpPorts()) {
            SMTPClient client = connect(port, InetAddress.getByName("127.0.0.7"));
            try {
                client.sendCommand("EHLO quoted.test");
                if (port != postyard.smtpPort()) {
                    assertThat(client.sendCommand("AUTH PLAIN " + plain(USER, PASSWORD))).isEqualTo(235);
                }
                assertThat(client.sendCommand("MAIL FROM:<" + USER + ">")).isEqualTo(250);
                int reply = client.sendCommand("RCPT TO:<\"x@y\"@" + DOMAIN + ">");
                assertThat(reply).as(client.getReplyString()).isBetween(500, 599);
                assertThat(client.sendCommand("RCPT TO:<" + USER + ">")).isEqualTo(250);
            } finally {
                client.disconnect();
            }
        }
    }

    @Test
    void aClientThatGoesQuietIsDisconnectedAndOthersAreServedMeanwhile() throws Exception {
        List<Socket> quiet = new ArrayList<>();
        try {
            // 50 quiet clients, from as many addresses as the per-address limit asks for
            for (int i = 0; i < 50; i++) {
                InetAddress from = InetAddress.getByName("127.0.0." + (10 + i / MAX_CONNECTIONS_PER_IP));
                Socket socket = new Socket(InetAddress.getByName(LOCALHOST), postyard.smtpPort(), from, 0);
                socket.setSoTimeout(10_000);
                quiet.add(socket);
            }
            long start = System.nanoTime();
            SMTPClient client = connect(postyard.smtpPort(), InetAddress.getLoopbackAddress());
            try {
                client.helo("busy.test");
                assertThat(client.setSender("busy@outside.test")).isTrue();
            } finally {
                client.disconnect();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));

            for (Socket socket : quiet) {
                InputStream in = socket.getInputStream();
                assertThat(readReply(in)).startsWith("220");
                long silentSince = System.nanoTime();
                byte[] rest = in.readAllBytes();
                assertThat(Duration.ofNanos(System.nanoTime() - silentSince)).isLessThan(Duration.ofSeconds(6));
                assertThat(new String(rest, StandardCharsets.US_ASCII)).doesNotContain("250");
            }
        } finally {
            for (Socket socket : quiet) {
                socket.close();
            }
        }
    }

    @Test
    void oneAddressCannotHoldMoreConnectionsThanTheLimitWhileOthersAreStillServed() throws Exception {
        InetAddress greedy = InetAddress.getByName("127.0.0.3");
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS_PER_IP; i++) {
                Socket socket = new Socket(InetAddress.getByName(LOCALHOST), postyard.smtpPort(), greedy, 0);
                socket.setSoTimeout(10_000);
                held.add(socket);
                assertThat(readReply(socket.getInputStream())).startsWith("220");
            }
            try (Socket oneMore = new Socket(InetAddress.getByName(LOCALHOST), postyard.smtpPort(), greedy, 0)) {
                oneMore.setSoTimeout(10_000);
                assertThat(readReply(oneMore.getInputStream())).isEmpty();
            }

            SMTPClient other = connect(postyard.smtpPort(), InetAddress.getByName("127.0.0.4"));
            try {
                assertThat(other.helo("patient.test")).isEqualTo(250);
            } finally {
                other.disconnect();
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private static int authenticate(int port, InetAddress from, String password) throws IOException {
        SMTPClient client = connect(port, from);
        try {
            client.sendCommand("EHLO auth.test");
            return client.sendCommand("AUTH PLAIN " + plain(USER, password));
        } finally {
            client.disconnect();
        }
    }

    private static String plain(String user, String password) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static SMTPClient connect(int port, InetAddress from) throws IOException {
        SMTPClient client = new SMTPClient();
        client.setDefaultTimeout(10_000);
        client.connect(InetAddress.getByName(LOCALHOST), port, from, 0);
        client.setSoTimeout(10_000);
        assertThat(SMTPReply.isPositiveCompletion(client.getReplyCode())).isTrue();
        return client;
    }

    /** One reply, multi-line or not; empty if the server closed the connection instead. */
    private static String readReply(InputStream in) throws IOException {
        StringBuilder reply = new StringBuilder();
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            line.append((char) c);
            if (c == '\n') {
                reply.append(line);
                if (line.length() < 4 || line.charAt(3) != '-') {
                    break;
                }
                line.setLength(0);
            }
        }
        return reply.toString();
    }
}
