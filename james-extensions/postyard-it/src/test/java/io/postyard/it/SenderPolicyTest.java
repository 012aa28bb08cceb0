package io.postyard.it;

import static io.postyard.testing.PostyardExtension.LOCALHOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.mail.internet.MimeMessage;

import org.apache.james.core.Domain;
import org.apache.james.util.Port;
import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.SMTPSendingException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.settings.Setting;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.HttpApi;
import io.postyard.testing.PostyardExtension;

/**
 * One sender policy for every entry point: what a message says it is from (envelope, every From address, Sender) must
 * be the sender's own, through the Mailgun API (form and MIME) and authenticated SMTP on every port. Each refusal is
 * checked against what reached the SMTP sink: nothing.
 */
class SenderPolicyTest {
    private static final String OWN = "own.senders.test";
    private static final String OTHER = "other.senders.test";
    private static final String PASSWORD = "sender-policy-pw-1";
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** 550 5.7.1 from the policy; on submission James's own identity check may answer first, with a 503. */
    private static final String REFUSED = "(?s).*: 5[05][03] .*";

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .withSmtpSink()
        .setting(Setting.TRUSTED_DOMAINS, OWN + "," + OTHER)
        .build();

    private static String keyOfB;

    @BeforeAll
    static void twoAccountsWithADomainEach() {
        keyOfB = postyard.webAdmin().post("/postyard/keys").json("{\"kind\":\"primary\",\"account\":\"account-b\"}").send()
            .json().get("secret").asText();
        assertThat(mailgun("/mailgun/v3/domains", postyard.primaryKey()).form(Map.of("name", OWN)).send().status()).isEqualTo(200);
        assertThat(mailgun("/mailgun/v3/domains", keyOfB).form(Map.of("name", OTHER)).send().status()).isEqualTo(200);
        assertThat(mailgun("/mailgun/v3/domains/" + OWN + "/credentials", postyard.primaryKey())
            .form(Map.of("login", "app", "password", PASSWORD)).send().status()).isEqualTo(200);
    }

    @Test
    void anApiSendCannotSetFromThroughAHeaderOption() {
        for (String from : List.of("ceo@bank.example", "app@" + OWN + ", ceo@bank.example", "app@" + OWN)) {
            ApiResponse refused = send(Map.of("from", "app@" + OWN, "h:From", from, "to", "reader@far.example",
                "subject", "h-from " + from, "text", "x"));
            assertThat(refused.status()).as(from).isEqualTo(400);
            assertThat(refused.json().get("message").asText()).contains("h:From");
        }
        assertNothingAtSinkWithSubjectStarting("h-from ");
    }

    @Test
    void aSenderHeaderMustBeTheAccountsToo() {
        ApiResponse refused = send(Map.of("from", "app@" + OWN, "h:Sender", "ceo@bank.example", "to", "reader@far.example",
            "subject", "foreign sender", "text", "x"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("ceo@bank.example");

        ApiResponse accepted = send(Map.of("from", "app@" + OWN, "h:Sender", "mailer@" + OWN, "to", "reader@far.example",
            "subject", "own sender", "text", "x"));
        assertThat(accepted.status()).isEqualTo(200);
        MimeMessage arrived = awaitAtSink("own sender");
        assertThat(header(arrived, "Sender")).isEqualTo("mailer@" + OWN);
        assertThat(header(arrived, "From")).isEqualTo("app@" + OWN);
        assertNothingAtSinkWithSubjectStarting("foreign sender");
    }

    @Test
    void anAccountCannotSendAsAnotherAccountsDomain() {
        ApiResponse refused = send(Map.of("from", "payroll@" + OTHER, "to", "reader@far.example", "subject", "as B", "text", "x"));
        assertThat(refused.status()).isEqualTo(400);
        ApiResponse refusedSub = send(Map.of("from", "payroll@mail." + OTHER, "to", "reader@far.example", "subject", "as B", "text", "x"));
        assertThat(refusedSub.status()).isEqualTo(400);
        assertThat(postyard.api().post("/mailgun/v3/" + OTHER + "/messages").basicAuth("api", keyOfB)
            .form(Map.of("from", "payroll@" + OWN, "to", "reader@far.example", "subject", "as A", "text", "x")).send().status())
            .isEqualTo(400);
        assertNothingAtSinkWithSubjectStarting("as ");
    }

    @Test
    void aMimeSendIsCheckedOnTheMessageItself() {
        assertThat(sendMime("From: app@" + OWN + "\r\nSender: ceo@bank.example\r\nSubject: mime sender\r\n\r\nx\r\n", Map.of()).status())
            .isEqualTo(400);
        assertThat(sendMime("From: app@" + OWN + ", ceo@bank.example\r\nSubject: mime two froms\r\n\r\nx\r\n", Map.of()).status())
            .isEqualTo(400);
        assertThat(sendMime("From: app@" + OWN + "\r\nFrom: ceo@bank.example\r\nSubject: mime second from\r\n\r\nx\r\n", Map.of()).status())
            .isEqualTo(400);
        assertThat(sendMime("From: app@" + OWN + "\r\nSubject: mime h-from\r\n\r\nx\r\n", Map.of("h:From", "ceo@bank.example")).status())
            .isEqualTo(400);
        assertThat(sendMime("From: app@" + OWN + "\r\nSubject: mime fine\r\n\r\nx\r\n", Map.of()).status()).isEqualTo(200);
        awaitAtSink("mime fine");
        assertNothingAtSinkWithSubjectStarting("mime sender");
        assertNothingAtSinkWithSubjectStarting("mime two");
        assertNothingAtSinkWithSubjectStarting("mime second");
        assertNothingAtSinkWithSubjectStarting("mime h-from");
    }

    @Test
    void headerOptionsTheServerSetsAreRefused() {
        for (String header : List.of("h:Return-Path", "h:DKIM-Signature", "h:List-Unsubscribe", "h:Precedence", "h:Feedback-ID",
            "h:Content-Type", "h:Received")) {
            ApiResponse refused = send(Map.of("from", "app@" + OWN, header, "x", "to", "reader@far.example", "subject", "reserved", "text", "x"));
            assertThat(refused.status()).as(header).isEqualTo(400);
        }
        assertNothingAtSinkWithSubjectStarting("reserved");
    }

    @Test
    void aMessageIdGivenAsAHeaderOptionIsTheMessagesId() {
        ApiResponse sent = send(Map.of("from", "app@" + OWN, "h:Message-Id", "<chosen-1@" + OWN + ">", "to", "reader@far.example",
            "subject", "chosen id", "text", "x"));
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.json().get("id").asText()).isEqualTo("<chosen-1@" + OWN + ">");
        assertThat(header(awaitAtSink("chosen id"), "Message-ID")).isEqualTo("<chosen-1@" + OWN + ">");
        assertThat(send(Map.of("from", "app@" + OWN, "h:Message-Id", "no brackets or at", "to", "reader@far.example",
            "subject", "bad id", "text", "x")).status()).isEqualTo(400);
    }

    @Test
    void anAuthenticatedSmtpClientCannotClaimAnotherSenderOnAnyPort() throws Exception {
        for (int port : List.of(postyard.smtpPort(), postyard.submissionPort())) {
            for (String sender : List.of("ceo@bank.example", "payroll@" + OTHER)) {
                assertThatThrownBy(() -> smtp(port, sender, "From: app@" + OWN + "\r\nSubject: envelope " + sender + "\r\n\r\nx\r\n"))
                    .as(port + " " + sender)
                    .isInstanceOf(SMTPSendingException.class)
                    .hasMessageMatching(REFUSED);
            }
            for (String from : List.of("ceo@bank.example", "payroll@" + OTHER, "app@" + OWN + ", ceo@bank.example")) {
                assertThatThrownBy(() -> smtp(port, "app@" + OWN, "From: " + from + "\r\nSubject: header " + from + "\r\n\r\nx\r\n"))
                    .as(port + " " + from)
                    .isInstanceOf(SMTPSendingException.class)
                    .hasMessageContaining("550");
            }
            assertThatThrownBy(() -> smtp(port, "app@" + OWN, "From: app@" + OWN + "\r\nSender: ceo@bank.example\r\nSubject: smtp sender\r\n\r\nx\r\n"))
                .isInstanceOf(SMTPSendingException.class)
                .hasMessageContaining("550");
            smtp(port, "app@" + OWN, "From: app@" + OWN + "\r\nSubject: smtp fine " + port + "\r\n\r\nx\r\n");
            awaitAtSink("smtp fine " + port);
        }
        assertNothingAtSinkWithSubjectStarting("envelope ");
        assertNothingAtSinkWithSubjectStarting("header ");
        assertNothingAtSinkWithSubjectStarting("smtp sender");
    }

    @Test
    void aHostedMailboxSendsOverSmtpAsItselfOnly() throws Exception {
        String key = postyard.createKey("omypost", "emails:write");
        var created = postyard.api().post("/omypost/v1/emails").bearer(key).json("{\"prefix\":\"mailbox_sender\"}").send().json();
        String address = created.get("email").asText();
        String password = created.get("password").asText();
        String neighbour = "someone_else@" + address.substring(address.indexOf('@') + 1);
        try (SMTPMessageSender smtp = new SMTPMessageSender(Domain.LOCALHOST.asString())) {
            smtp.connect(LOCALHOST, Port.of(postyard.submissionPort())).authenticate(address, password);
            assertThatThrownBy(() -> smtp.sendMessageWithHeaders(address, "reader@far.example",
                "From: " + neighbour + "\r\nSubject: neighbour\r\n\r\nx\r\n"))
                .isInstanceOf(SMTPSendingException.class).hasMessageContaining("550");
        }
        assertNothingAtSinkWithSubjectStarting("neighbour");
    }

    private static void smtp(int port, String envelopeSender, String message) throws Exception {
        try (SMTPMessageSender smtp = new SMTPMessageSender(OWN)) {
            smtp.connect(LOCALHOST, Port.of(port))
                .authenticate("app@" + OWN, PASSWORD)
                .sendMessageWithHeaders(envelopeSender, "reader@far.example", "To: reader@far.example\r\n" + message);
        }
    }

    private static ApiResponse send(Map<String, String> fields) {
        return mailgun("/mailgun/v3/" + OWN + "/messages", postyard.primaryKey()).form(fields).send();
    }

    private static ApiResponse sendMime(String mime, Map<String, String> fields) {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        all.put("to", "reader@far.example");
        return mailgun("/mailgun/v3/" + OWN + "/messages.mime", postyard.primaryKey())
            .multipart(all, Map.of("message", Map.entry("message.eml", mime.getBytes(StandardCharsets.UTF_8)))).send();
    }

    private static HttpApi.Call mailgun(String path, String key) {
        return postyard.api().post(path).basicAuth("api", key);
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, ",");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static MimeMessage awaitAtSink(String subject) {
        return Awaitility.await().atMost(WAIT).until(() -> atSink(subject), found -> !found.isEmpty()).get(0);
    }

    private static List<MimeMessage> atSink(String subjectStart) {
        return postyard.sink().messages().stream().filter(message -> {
            try {
                return message.getSubject() != null && message.getSubject().startsWith(subjectStart);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    /** Checked after a message that was accepted later has arrived, so a refused one would have had its time. */
    private static void assertNothingAtSinkWithSubjectStarting(String subjectStart) {
        assertThat(atSink(subjectStart)).as(subjectStart).isEmpty();
    }
}
