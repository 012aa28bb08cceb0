package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.commons.net.imap.IMAPSClient;
import org.apache.commons.net.pop3.POP3MessageInfo;
import org.apache.commons.net.pop3.POP3SClient;
import org.apache.commons.net.smtp.AuthenticatingSMTPClient;
import org.apache.commons.net.smtp.SMTPReply;
import org.apache.commons.net.smtp.SMTPSClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import io.postyard.core.settings.Setting;
import io.postyard.testing.PostyardExtension;

/**
 * With a keystore configured, every mail listener and the public API are reachable over TLS with the keystore's
 * certificate: STARTTLS on inbound SMTP and submission, implicit TLS on SMTPS and IMAPS, HTTPS on the public port.
 */
class TlsListenersTest {
    /**
     * Attached before the extension boots the server, so that start-up, where the keystore is opened, is captured; James
     * logs at INFO until then, where it reports the TLS it configured.
     */
    private static final Logger JAMES = (Logger) LoggerFactory.getLogger("org.apache.james");
    private static final Level JAMES_LEVEL = JAMES.getLevel();
    private static final ListAppender<ILoggingEvent> LOGGED = captureEverythingLogged();

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .withTls()
        .withSmtpSink()
        .setting(Setting.TESTING_TRUST_ALL_DOMAINS, "true")
        .build();

    private static final String DOMAIN = "tls.test";
    private static final String ANN = "ann@" + DOMAIN;
    private static final String ANN_PASSWORD = "ann-secret";
    private static final String BOB = "bob@" + DOMAIN;
    private static final String BOB_PASSWORD = "bob-secret";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int TIMEOUT_MILLIS = 30_000;

    @BeforeAll
    static void createDomainAndMailboxes() {
        JAMES.setLevel(JAMES_LEVEL);
        assertThat(postyard.api().post("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey())
            .form(Map.of("name", DOMAIN)).send().status()).isEqualTo(200);
        for (String login : new String[] {"ann", "bob"}) {
            assertThat(postyard.api().post("/mailgun/v3/domains/" + DOMAIN + "/credentials").basicAuth("api", postyard.primaryKey())
                .form(Map.of("login", login, "password", login + "-secret")).send().status()).isEqualTo(200);
        }
    }

    @Test
    void inboundSmtpUpgradesWithStartTlsAndDeliversToAHostedMailbox() throws Exception {
        String subject = "inbound over STARTTLS " + UUID.randomUUID();
        AuthenticatingSMTPClient smtp = smtpClient(false);
        try {
            smtp.connect(PostyardExtension.LOCALHOST, postyard.smtpPort());
            smtp.ehlo("far.example");
            assertThat(smtp.execTLS()).isTrue();
            assertThat(SMTPReply.isPositiveCompletion(smtp.ehlo("far.example"))).isTrue();

            send(smtp, "someone@far.example", ANN, subject);
        } finally {
            close(smtp);
        }

        awaitInImaps(ANN, ANN_PASSWORD, subject);
    }

    @Test
    void submissionUpgradesWithStartTlsThenAuthenticatesAndDelivers() throws Exception {
        String subject = "submitted over STARTTLS " + UUID.randomUUID();
        AuthenticatingSMTPClient smtp = smtpClient(false);
        try {
            smtp.connect(PostyardExtension.LOCALHOST, postyard.submissionPort());
            smtp.ehlo("client.example");
            assertThat(smtp.execTLS()).isTrue();
            smtp.ehlo("client.example");
            assertThat(smtp.auth(AuthenticatingSMTPClient.AUTH_METHOD.PLAIN, BOB, BOB_PASSWORD)).isTrue();

            send(smtp, BOB, ANN, subject);
        } finally {
            close(smtp);
        }

        awaitInImaps(ANN, ANN_PASSWORD, subject);
    }

    @Test
    void smtpsSpeaksTlsFromTheFirstByteAndRequiresAuthentication() throws Exception {
        String subject = "submitted over SMTPS " + UUID.randomUUID();
        AuthenticatingSMTPClient smtp = smtpClient(true);
        try {
            smtp.connect(PostyardExtension.LOCALHOST, postyard.smtpsPort());
            smtp.ehlo("client.example");
            assertThat(smtp.setSender(BOB)).as("MAIL FROM before AUTH").isFalse();
            smtp.reset();
            assertThat(smtp.auth(AuthenticatingSMTPClient.AUTH_METHOD.PLAIN, BOB, BOB_PASSWORD)).isTrue();

            send(smtp, BOB, ANN, subject);
        } finally {
            close(smtp);
        }

        awaitInImaps(ANN, ANN_PASSWORD, subject);
    }

    @Test
    void plainImapStillLogsInAfterStartTls() throws Exception {
        IMAPSClient imap = new IMAPSClient(false, postyard.keystore().clientContext());
        imap.setEndpointCheckingEnabled(true);
        imap.setDefaultTimeout(TIMEOUT_MILLIS);
        try {
            imap.connect(PostyardExtension.LOCALHOST, postyard.imapPort());
            assertThat(imap.execTLS()).isTrue();
            assertThat(imap.login(ANN, ANN_PASSWORD)).isTrue();
            assertThat(imap.select("INBOX")).isTrue();
        } finally {
            imap.disconnect();
        }
    }

    @Test
    void pop3UpgradesWithStlsAndPop3sSpeaksTlsFromTheFirstByteBothListingTheMailbox() throws Exception {
        String subject = "read over POP3 " + UUID.randomUUID();
        AuthenticatingSMTPClient smtp = smtpClient(true);
        try {
            smtp.connect(PostyardExtension.LOCALHOST, postyard.smtpsPort());
            smtp.ehlo("client.example");
            assertThat(smtp.auth(AuthenticatingSMTPClient.AUTH_METHOD.PLAIN, BOB, BOB_PASSWORD)).isTrue();
            send(smtp, BOB, BOB, subject);
        } finally {
            close(smtp);
        }
        awaitInImaps(BOB, BOB_PASSWORD, subject);

        for (boolean implicit : new boolean[] {false, true}) {
            POP3SClient pop3 = new POP3SClient(implicit, postyard.keystore().clientContext());
            pop3.setEndpointCheckingEnabled(true);
            pop3.setDefaultTimeout(TIMEOUT_MILLIS);
            try {
                pop3.connect(PostyardExtension.LOCALHOST, implicit ? postyard.pop3sPort() : postyard.pop3Port());
                if (!implicit) {
                    assertThat(pop3.execTLS()).isTrue();
                }
                assertThat(pop3.login(BOB, BOB_PASSWORD)).as("implicit TLS: %s", implicit).isTrue();
                POP3MessageInfo[] messages = pop3.listMessages();
                assertThat(messages).as("implicit TLS: %s", implicit).isNotEmpty();
                try (Reader message = pop3.retrieveMessage(messages[messages.length - 1].number)) {
                    assertThat(new BufferedReader(message).lines().collect(Collectors.joining("\n"))).contains(subject);
                }
                pop3.logout();
            } finally {
                pop3.disconnect();
            }
        }
    }

    @Test
    void healthAndTheMailgunApiAnswerOverHttps() throws Exception {
        String base = "https://" + PostyardExtension.LOCALHOST + ":" + postyard.httpPort();
        var client = postyard.keystore().httpClient();

        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
            HttpResponse.BodyHandlers.ofString());
        String credentials = Base64.getEncoder().encodeToString(("api:" + postyard.primaryKey()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> domains = client.send(HttpRequest.newBuilder(URI.create(base + "/mailgun/v3/domains"))
            .header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(domains.statusCode()).isEqualTo(200);
        assertThat(domains.body()).contains(DOMAIN);
    }

    @Test
    void plainHttpOnTheHttpsPortGetsNoApiAnswer() throws Exception {
        String answer;
        try (Socket socket = new Socket(PostyardExtension.LOCALHOST, postyard.httpPort())) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /healthz HTTP/1.1\r\nHost: " + PostyardExtension.LOCALHOST + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            answer = readWhatComes(socket.getInputStream());
        }

        assertThat(answer).doesNotContain("HTTP/1.1 200").doesNotContain("healthy");
    }

    @Test
    void theKeystorePasswordIsNeverLogged() {
        String logs = LOGGED.list.stream()
            .map(event -> event.getFormattedMessage() + " " + event.getMDCPropertyMap() + " "
                + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage()))
            .collect(Collectors.joining("\n"));

        assertThat(logs).as("start-up was captured").contains(postyard.keystore().path().toString());
        assertThat(logs).doesNotContain(postyard.keystore().password());
    }

    private static ListAppender<ILoggingEvent> captureEverythingLogged() {
        JAMES.setLevel(Level.INFO);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(appender);
        return appender;
    }

    /** Checks the server's name against the certificate, as a mail client does. */
    private static AuthenticatingSMTPClient smtpClient(boolean implicitTls) {
        AuthenticatingSMTPClient smtp = new AuthenticatingSMTPClient(implicitTls, postyard.keystore().clientContext());
        smtp.setEndpointCheckingEnabled(true);
        smtp.setDefaultTimeout(TIMEOUT_MILLIS);
        return smtp;
    }

    private static void send(SMTPSClient smtp, String from, String to, String subject) throws IOException {
        assertThat(smtp.setSender(from)).as(smtp.getReplyString()).isTrue();
        assertThat(smtp.addRecipient(to)).as(smtp.getReplyString()).isTrue();
        assertThat(smtp.sendShortMessageData("From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject
            + "\r\nMessage-ID: <" + UUID.randomUUID() + "@" + DOMAIN + ">\r\n\r\nOver TLS.\r\n"))
            .as(smtp.getReplyString()).isTrue();
    }

    private static void close(SMTPSClient smtp) throws IOException {
        if (smtp.isConnected()) {
            smtp.logout();
            smtp.disconnect();
        }
    }

    /**
     * Over IMAPS: LOGIN, SELECT INBOX, and a message with the subject found by SEARCH. Not FETCH: commons-net's reader
     * of FETCH replies mistook the end of a header literal for a new reply once in CI.
     */
    private static void awaitInImaps(String user, String password, String subject) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            IMAPSClient imap = new IMAPSClient(true, postyard.keystore().clientContext());
            imap.setEndpointCheckingEnabled(true);
            imap.setDefaultTimeout(TIMEOUT_MILLIS);
            try {
                imap.connect(PostyardExtension.LOCALHOST, postyard.imapsPort());
                assertThat(imap.login(user, password)).isTrue();
                assertThat(imap.select("INBOX")).isTrue();
                assertThat(imap.search("SUBJECT \"" + subject + "\"")).isTrue();
                assertThat(imap.getReplyString()).containsPattern("\\* SEARCH \\d+");
            } finally {
                imap.disconnect();
            }
        });
    }

    /** What the server sends before it closes the connection or stops answering. */
    private static String readWhatComes(InputStream in) throws IOException {
        byte[] buffer = new byte[4096];
        StringBuilder received = new StringBuilder();
        try {
            int read;
            while ((read = in.read(buffer)) > 0) {
                received.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
            }
        } catch (java.net.SocketTimeoutException | java.net.SocketException closed) {
            // Nothing more comes.
        }
        return received.toString();
    }
}
