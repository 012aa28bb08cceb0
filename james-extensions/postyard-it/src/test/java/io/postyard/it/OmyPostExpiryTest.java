package io.postyard.it;

import static io.postyard.testing.PostyardExtension.LOCALHOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.SMTPSendingException;
import org.apache.james.utils.TestIMAPClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.settings.Setting;
import io.postyard.testing.PostyardExtension;
import io.postyard.testing.WebhookReceiver;

/** A temporary account expiring two seconds ahead is gone, with its mail, once the timed job has run. */
class OmyPostExpiryTest {
    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .setting(Setting.MAILBOX_EXPIRY_INTERVAL, "500ms")
        .setting(Setting.WEBHOOK_ALLOW_PRIVATE, "true")
        .build();

    private static WebhookReceiver receiver;
    private static String key;

    @BeforeAll
    static void createKeyAndWebhook() throws Exception {
        receiver = new WebhookReceiver();
        key = postyard.createKey("omypost", "emails:write", "emails:read", "webhooks:write");
        postyard.api().post("/omypost/v1/webhooks").bearer(key)
            .json("{\"url\":\"" + receiver.url("/expired") + "\",\"events\":[\"email.expired\"],\"secret\":\"s\"}").send();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void anAccountExpiringTwoSecondsAheadIsGoneAfterTheJobRuns() throws Exception {
        Instant expiry = Instant.now().plus(2, ChronoUnit.SECONDS);
        JsonNode created = postyard.api().post("/omypost/v1/emails").bearer(key)
            .json("{\"prefix\":\"fleeting\",\"type\":\"temporary\",\"expiry_date\":\"" + expiry + "\"}").send().json();
        String id = created.get("id").asText();
        String password = created.get("password").asText();
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(LOCALHOST, postyard.smtpPort(), "outside.test")) {
            smtp.sendMessageWithHeaders("alice@outside.test", "fleeting@omypost.localhost",
                "From: alice@outside.test\r\nTo: fleeting@omypost.localhost\r\nSubject: before\r\n\r\nstill here\r\n");
        }

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
            postyard.api().get("/omypost/v1/emails/" + id).bearer(key).send().status() == 404);

        assertThat(Instant.now()).isAfterOrEqualTo(expiry);
        assertThat(postyard.api().get("/omypost/v1/emails?type=temporary").bearer(key).send().json().get("data"))
            .noneMatch(email -> email.get("id").asText().equals(id));
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(LOCALHOST, postyard.smtpPort(), "outside.test")) {
            assertThatThrownBy(() -> smtp.sendMessage("alice@outside.test", "fleeting@omypost.localhost"))
                .isInstanceOf(SMTPSendingException.class)
                .hasMessageContaining("550");
        }
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect(LOCALHOST, postyard.imapPort());
            assertThatThrownBy(() -> imap.login("fleeting@omypost.localhost", password)).isInstanceOf(Exception.class);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.received().isEmpty());
        assertThat(receiver.received().get(0).bodyAsString()).contains("\"event\":\"email.expired\"").contains(id);
    }

    @Test
    void aPermanentAccountDoesNotExpire() throws Exception {
        String id = postyard.api().post("/omypost/v1/emails").bearer(key).json("{\"prefix\":\"lasting\"}").send().json().get("id").asText();

        Thread.sleep(1500);

        assertThat(postyard.api().get("/omypost/v1/emails/" + id).bearer(key).send().status()).isEqualTo(200);
    }

    @Test
    void aShortenedExpiryRemovesTheAccountThenAndAnExtendedOneKeepsIt() throws Exception {
        Instant soon = Instant.now().plus(2, ChronoUnit.SECONDS);
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String shortened = temporary("shortened", tomorrow);
        String extended = temporary("extended", soon);

        assertThat(postyard.api().call("PATCH", "/omypost/v1/emails/" + shortened).bearer(key)
            .json("{\"expiry_date\":\"" + soon + "\"}").send().status()).isEqualTo(200);
        assertThat(postyard.api().call("PATCH", "/omypost/v1/emails/" + extended).bearer(key)
            .json("{\"expiry_date\":\"" + tomorrow + "\"}").send().status()).isEqualTo(200);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
            postyard.api().get("/omypost/v1/emails/" + shortened).bearer(key).send().status() == 404);
        assertThat(Instant.now()).isAfterOrEqualTo(soon);
        Thread.sleep(1000);
        JsonNode kept = postyard.api().get("/omypost/v1/emails/" + extended).bearer(key).send().json();
        assertThat(kept.get("expiry_date").asText()).isEqualTo(tomorrow.toString());
        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication(LOCALHOST, postyard.smtpPort(), "outside.test")) {
            smtp.sendMessageWithHeaders("alice@outside.test", "extended@omypost.localhost",
                "From: alice@outside.test\r\nTo: extended@omypost.localhost\r\nSubject: still here\r\n\r\nhello\r\n");
        }
    }

    private static String temporary(String prefix, Instant expiry) {
        return postyard.api().post("/omypost/v1/emails").bearer(key)
            .json("{\"prefix\":\"" + prefix + "\",\"type\":\"temporary\",\"expiry_date\":\"" + expiry + "\"}").send().json().get("id").asText();
    }
}
