package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.settings.Setting;
import io.postyard.openmail.OpenmailSettings;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;
import io.postyard.testing.WebhookReceiver;

/**
 * {@code message.received} through the shared webhook engine to a real receiver: retried on openmail's schedule
 * (compressed 5,000 times) with the attempt counting up and one event id; an inbox's own webhook overrides the
 * account's, its secret rotates, a test event is signed like the rest; attachment URLs stop working when they expire.
 */
class OpenmailWebhooksTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .setting(Setting.WEBHOOK_ALLOW_PRIVATE, "true")
        .setting(Setting.WEBHOOK_SCHEDULE_SCALE, "0.0002")
        .setting(OpenmailSettings.ATTACHMENT_URL_TTL, "3s")
        .build();

    private static WebhookReceiver receiver;
    private static OpenmailClient agent;
    private static String accountSecret;

    @BeforeAll
    static void configure() throws Exception {
        receiver = new WebhookReceiver();
        agent = OpenmailClient.withNewKey(postyard, "default");
        accountSecret = agent.call("PUT", "/webhook").json("{\"url\":\"" + receiver.url("/account") + "\"}").send().json().get("secret").asText();
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @BeforeEach
    void clearReceiver() {
        receiver.clear();
    }

    private static List<WebhookReceiver.ReceivedRequest> at(String path) {
        return receiver.received().stream().filter(request -> request.path().equals(path)).toList();
    }

    private static void mail(String to, String subject) throws Exception {
        OpenmailClient.deliver(postyard, "someone@outside.test", to, "From: someone@outside.test\r\nTo: " + to + "\r\nSubject: " + subject
            + "\r\nMessage-ID: <" + subject.replace(' ', '-') + "@outside.test>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee the file\r\n"
            + "--b\r\nContent-Type: text/plain; name=\"notes.txt\"\r\nContent-Disposition: attachment; filename=\"notes.txt\"\r\n\r\n"
            + "the notes\r\n--b--\r\n");
    }

    @Test
    void aReceiverThatFailsTwiceGetsAttemptsOneTwoAndThreeWithOneEventId() throws Exception {
        JsonNode inbox = agent.createInbox("{\"username\":\"retried\",\"externalId\":\"agent-retry\"}");
        receiver.respondAt("/account", 500, 503);

        mail("retried@openmail.localhost", "Retry me");

        Awaitility.await().atMost(WAIT).until(() -> at("/account").size() == 3);
        Thread.sleep(500);
        List<WebhookReceiver.ReceivedRequest> attempts = at("/account");
        assertThat(attempts).hasSize(3);
        List<JsonNode> payloads = attempts.stream().map(request -> {
            try {
                return OpenmailClient.verifiedPayload(request, accountSecret);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertThat(payloads).extracting(payload -> payload.get("attempt").asInt()).containsExactly(1, 2, 3);
        assertThat(payloads).extracting(payload -> payload.get("event_id").asText()).containsOnly(payloads.get(0).get("event_id").asText());
        assertThat(payloads).extracting(payload -> payload.get("message").get("id").asText()).containsOnly(payloads.get(0).get("message").get("id").asText());
        assertThat(payloads).allSatisfy(payload -> {
            assertThat(payload.get("inbox_id").asText()).isEqualTo(inbox.get("id").asText());
            assertThat(payload.get("external_id").asText()).isEqualTo("agent-retry");
            assertThat(payload.get("occurred_at").asText()).isEqualTo(payloads.get(0).get("occurred_at").asText());
        });
        Instant previous = Instant.EPOCH;
        for (JsonNode payload : payloads) {
            Instant deliveredAt = Instant.parse(payload.get("delivered_at").asText());
            assertThat(deliveredAt).isAfterOrEqualTo(previous);
            previous = deliveredAt;
        }
        // The delays are 0 s and 30 s compressed to 0 and 6 ms: the third attempt comes after the second, not at once.
        assertThat(attempts.get(2).receivedAt()).isAfterOrEqualTo(attempts.get(1).receivedAt());
    }

    @Test
    void anInboxsOwnWebhookOverridesTheAccountsAndItsSecretRotates() throws Exception {
        String inboxId = agent.createInbox("{\"username\":\"own-hook\"}").get("id").asText();
        ApiResponse own = agent.call("PUT", "/inboxes/" + inboxId + "/webhook").json("{\"url\":\"" + receiver.url("/own") + "\"}").send();
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().get("inboxId").asText()).isEqualTo(inboxId);
        String secret = own.json().get("secret").asText();
        assertThat(secret).startsWith("whsec_").isNotEqualTo(accountSecret);

        mail("own-hook@openmail.localhost", "For the inbox hook");
        Awaitility.await().atMost(WAIT).until(() -> at("/own").size() == 1);
        assertThat(OpenmailClient.verifiedPayload(at("/own").get(0), secret).get("message").get("subject").asText()).isEqualTo("For the inbox hook");
        assertThat(at("/account")).isEmpty();

        ApiResponse sameUrlAgain = agent.call("PUT", "/inboxes/" + inboxId + "/webhook").json("{\"url\":\"" + receiver.url("/own") + "\"}").send();
        assertThat(sameUrlAgain.json().get("secret").asText()).isEqualTo(secret);
        ApiResponse rotated = agent.call("POST", "/inboxes/" + inboxId + "/webhook/rotate-secret").send();
        assertThat(rotated.status()).isEqualTo(200);
        String newSecret = rotated.json().get("secret").asText();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(secret);

        ApiResponse test = agent.call("POST", "/inboxes/" + inboxId + "/webhook/test").send();
        assertThat(test.status()).as(test.toString()).isEqualTo(202);
        Awaitility.await().atMost(WAIT).until(() -> at("/own").size() == 2);
        JsonNode testEvent = OpenmailClient.verifiedPayload(at("/own").get(1), newSecret);
        assertThat(testEvent.get("event").asText()).isEqualTo("webhook.test");
        assertThat(testEvent.get("event_id").asText()).isEqualTo(test.json().get("eventId").asText()).startsWith("evt_");
        assertThat(testEvent.get("inbox_id").asText()).isEqualTo(inboxId);
        assertThat(testEvent.get("attempt").asInt()).isEqualTo(1);

        assertThat(agent.call("DELETE", "/inboxes/" + inboxId + "/webhook").send().status()).isEqualTo(200);
        mail("own-hook@openmail.localhost", "Back to the account hook");
        Awaitility.await().atMost(WAIT).until(() -> at("/account").size() == 1);
        assertThat(OpenmailClient.verifiedPayload(at("/account").get(0), accountSecret).get("message").get("subject").asText())
            .isEqualTo("Back to the account hook");
    }

    @Test
    void webhookRoutesRefuseWhatTheyCannotUse() {
        String inboxId = agent.createInbox("{\"username\":\"no-hook\"}").get("id").asText();

        assertThat(agent.call("POST", "/inboxes/" + inboxId + "/webhook/rotate-secret").send().status()).isEqualTo(404);
        assertThat(agent.call("GET", "/inboxes/" + inboxId + "/webhook").send().status()).isEqualTo(404);
        ApiResponse notAUrl = agent.call("PUT", "/inboxes/" + inboxId + "/webhook").json("{\"url\":\"ftp://example.test/x\"}").send();
        assertThat(notAUrl.status()).isEqualTo(400);
        assertThat(notAUrl.json().get("error").asText()).isEqualTo("validation_error");
        assertThat(agent.call("PUT", "/webhook").json("{}").send().status()).isEqualTo(400);
        OpenmailClient stranger = OpenmailClient.withNewKey(postyard, "elsewhere");
        assertThat(stranger.call("PUT", "/inboxes/" + inboxId + "/webhook").json("{\"url\":\"" + receiver.url("/x") + "\"}").send().status())
            .isEqualTo(404);
        assertThat(stranger.call("POST", "/inboxes/" + inboxId + "/webhook/test").send().status()).isEqualTo(404);
        assertThat(stranger.call("POST", "/inboxes/" + stranger.createInbox("{}").get("id").asText() + "/webhook/test").send().status())
            .as("no webhook for the stranger's account").isEqualTo(404);
    }

    @Test
    void attachmentUrlsDownloadUntilTheyExpireAndOnlyAsSigned() throws Exception {
        agent.createInbox("{\"username\":\"files\"}");
        mail("files@openmail.localhost", "With notes");
        Awaitility.await().atMost(WAIT).until(() -> at("/account").size() == 1);
        String url = OpenmailClient.verifiedPayload(at("/account").get(0), accountSecret).get("message").get("attachments").get(0).get("url").asText();

        HttpResponse<byte[]> fresh = agent.download(url);
        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(new String(fresh.body())).isEqualTo("the notes");
        assertThat(fresh.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value).contains("notes.txt"));
        int digit = url.indexOf("signature=") + "signature=".length();
        // Another first digit: replacing it with a fixed one left the URL untouched one time in sixteen.
        HttpResponse<byte[]> tampered = agent.download(url.substring(0, digit) + (url.charAt(digit) == '0' ? '1' : '0')
            + url.substring(digit + 1));
        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(new String(tampered.body())).contains("\"invalid_signature\"");
        assertThat(agent.download(url.replace("notes.txt", "other.txt")).statusCode()).isEqualTo(403);
        assertThat(agent.download(url.substring(0, url.indexOf('?'))).statusCode()).isEqualTo(403);
        assertThat(OpenmailClient.withNewKey(postyard, "elsewhere").download(url).statusCode()).isEqualTo(404);

        Thread.sleep(3_200);
        HttpResponse<byte[]> expired = agent.download(url);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(new String(expired.body())).contains("\"url_expired\"");
    }
}
