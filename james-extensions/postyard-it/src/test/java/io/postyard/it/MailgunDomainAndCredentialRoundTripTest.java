package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.mail.internet.MimeMessage;

import org.apache.james.util.Port;
import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.SMTPSendingException;
import org.apache.james.utils.TestIMAPClient;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.testing.ApiResponse;
import io.postyard.testing.HttpApi;
import io.postyard.testing.PostyardExtension;

/** The foundation's vertical slice: a domain and a credential made over HTTP are real for SMTP, IMAP and relaying. */
class MailgunDomainAndCredentialRoundTripTest {
    private static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(30));
    private static final String LOCALHOST = PostyardExtension.LOCALHOST;

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .withSmtpSink()
        .setting(io.postyard.core.settings.Setting.TESTING_TRUST_ALL_DOMAINS, "true")
        .build();

    private ApiResponse createDomain(String name) {
        return mailgun().post("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey())
            .form(Map.of("name", name)).send();
    }

    private ApiResponse createCredential(String domain, String login, String password) {
        return mailgun().post("/mailgun/v3/domains/" + domain + "/credentials").basicAuth("api", postyard.primaryKey())
            .multipart(Map.of("login", login, "password", password)).send();
    }

    private HttpApi mailgun() {
        return postyard.api();
    }

    @Test
    void mailSentOverSmtpToACredentialCreatedOverHttpIsReadableOverImap() throws Exception {
        assertThat(createDomain("roundtrip.test").status()).isEqualTo(200);
        ApiResponse credential = createCredential("roundtrip.test", "bob", "bob-secret");
        assertThat(credential.status()).isEqualTo(200);
        assertThat(credential.json().get("username").asText()).isEqualTo("bob@roundtrip.test");
        assertThat(credential.json().get("message").asText()).isEqualTo("Created 1 credentials pair");

        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(LOCALHOST, postyard.smtpPort(), "outside.test")) {
            smtp.sendMessageWithHeaders("alice@outside.test", "bob@roundtrip.test",
                "From: alice@outside.test\r\nTo: bob@roundtrip.test\r\nSubject: hello bob\r\n\r\nround trip body\r\n");
        }

        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect(LOCALHOST, postyard.imapPort())
                .login("bob@roundtrip.test", "bob-secret")
                .select(TestIMAPClient.INBOX)
                .awaitMessage(AWAIT);
            assertThat(imap.readFirstMessage())
                .contains("Subject: hello bob")
                .contains("round trip body");
        }
    }

    @Test
    void submissionWithAuthRelaysToAnOutsideAddressThroughTheGateway() throws Exception {
        createDomain("relay.test");
        createCredential("relay.test", "carol", "carol-secret");

        try (SMTPMessageSender smtp = new SMTPMessageSender("relay.test")) {
            smtp.connect(LOCALHOST, Port.of(postyard.submissionPort()))
                .authenticate("carol@relay.test", "carol-secret")
                .sendMessageWithHeaders("carol@relay.test", "dave@elsewhere.example",
                    "From: carol@relay.test\r\nTo: dave@elsewhere.example\r\nSubject: outbound\r\n\r\nto the world\r\n");
        }

        List<MimeMessage> delivered = postyard.sink().awaitMessages(1, Duration.ofSeconds(30));
        assertThat(delivered).anySatisfy(message -> {
            assertThat(message.getSubject()).isEqualTo("outbound");
            assertThat(message.getAllRecipients()[0].toString()).isEqualTo("dave@elsewhere.example");
        });
    }

    @Test
    void submissionRefusesMailBeforeAuthentication() throws Exception {
        createDomain("noauth.test");
        createCredential("noauth.test", "erin", "erin-secret");

        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(LOCALHOST, postyard.submissionPort(), "outside.test")) {
            assertThatThrownBy(() -> smtp.sendMessage("mallory@outside.test", "erin@noauth.test"))
                .isInstanceOf(SMTPSendingException.class)
                .hasMessageContaining("530");
        }
    }

    @Test
    void inboundSmtpRefusesToRelayForUnauthenticatedClients() throws Exception {
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(LOCALHOST, postyard.smtpPort(), "outside.test")) {
            assertThatThrownBy(() -> smtp.sendMessage("mallory@outside.test", "victim@elsewhere.example"))
                .isInstanceOf(SMTPSendingException.class)
                .hasMessageContaining("530");
        }
    }

    @Test
    void aChangedPasswordReplacesTheOldOneForImap() throws Exception {
        createDomain("rotate.test");
        createCredential("rotate.test", "frank", "old-secret");

        ApiResponse update = mailgun().put("/mailgun/v3/domains/rotate.test/credentials/frank")
            .basicAuth("api", postyard.primaryKey()).form(Map.of("password", "new-secret")).send();
        assertThat(update.status()).isEqualTo(200);
        assertThat(update.json().get("message").asText()).isEqualTo("Credentials updated");

        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect(LOCALHOST, postyard.imapPort());
            assertThatThrownBy(() -> imap.login("frank@rotate.test", "old-secret")).isInstanceOf(Exception.class);
        }
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect(LOCALHOST, postyard.imapPort()).login("frank@rotate.test", "new-secret");
        }
    }

    @Test
    void aDeletedCredentialCanNoLongerLogIn() throws Exception {
        createDomain("revoke.test");
        createCredential("revoke.test", "gina", "gina-secret");

        ApiResponse deletion = mailgun().delete("/mailgun/v3/domains/revoke.test/credentials/gina")
            .basicAuth("api", postyard.primaryKey()).send();
        assertThat(deletion.status()).isEqualTo(200);
        assertThat(deletion.json().get("message").asText()).isEqualTo("Credentials (1) deleted");

        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect(LOCALHOST, postyard.imapPort());
            assertThatThrownBy(() -> imap.login("gina@revoke.test", "gina-secret")).isInstanceOf(Exception.class);
        }
    }

    @Test
    void everyCredentialOfADomainCanBeDeletedAtOnce() throws Exception {
        createDomain("wipe.test");
        createCredential("wipe.test", "ivy", "ivy-secret");
        createCredential("wipe.test", "jon", "jon-secret");

        ApiResponse deletion = mailgun().delete("/mailgun/v3/domains/wipe.test/credentials")
            .basicAuth("api", postyard.primaryKey()).send();

        assertThat(deletion.status()).isEqualTo(200);
        assertThat(deletion.json().get("message").asText()).isEqualTo("All domain credentials have been deleted");
        assertThat(deletion.json().get("count").asInt()).isEqualTo(2);
        assertThat(mailgun().get("/mailgun/v3/domains/wipe.test/credentials").basicAuth("api", postyard.primaryKey()).send()
            .json().get("items")).isEmpty();
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect(LOCALHOST, postyard.imapPort());
            assertThatThrownBy(() -> imap.login("ivy@wipe.test", "ivy-secret")).isInstanceOf(Exception.class);
        }
    }

    @Test
    void aLoginMadeAgainUnderADeletedCredentialsNameFindsNoneOfItsMail() throws Exception {
        createDomain("reused.test");
        createCredential("reused.test", "hal", "hal-secret-1");
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(LOCALHOST, postyard.smtpPort(), "outside.test")) {
            smtp.sendMessageWithHeaders("alice@outside.test", "hal@reused.test",
                "From: alice@outside.test\r\nTo: hal@reused.test\r\nSubject: for the first hal\r\n\r\nprivate\r\n");
        }
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect(LOCALHOST, postyard.imapPort()).login("hal@reused.test", "hal-secret-1").select(TestIMAPClient.INBOX)
                .awaitMessage(AWAIT);
        }

        mailgun().delete("/mailgun/v3/domains/reused.test/credentials/hal").basicAuth("api", postyard.primaryKey()).send();
        createCredential("reused.test", "hal", "hal-secret-2");

        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect(LOCALHOST, postyard.imapPort()).login("hal@reused.test", "hal-secret-2").select(TestIMAPClient.INBOX);
            assertThat(imap.getMessageCount(TestIMAPClient.INBOX)).isZero();
        }
    }

    @Test
    void aDeletedDomainNoLongerReceivesMail() throws Exception {
        createDomain("gone.test");
        createCredential("gone.test", "hank", "hank-secret");

        ApiResponse deletion = mailgun().delete("/mailgun/v3/domains/gone.test").basicAuth("api", postyard.primaryKey()).send();
        assertThat(deletion.status()).isEqualTo(200);
        assertThat(deletion.json().get("message").asText()).isEqualTo("Domain has been deleted");

        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(LOCALHOST, postyard.smtpPort(), "outside.test")) {
            assertThatThrownBy(() -> smtp.sendMessage("alice@outside.test", "hank@gone.test"))
                .isInstanceOf(SMTPSendingException.class);
        }
        assertThat(mailgun().get("/mailgun/v3/domains/gone.test").basicAuth("api", postyard.primaryKey()).send().status())
            .isEqualTo(404);
    }
}
