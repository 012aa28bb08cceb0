package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.settings.Setting;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;
import io.postyard.testing.WebhookReceiver;

/**
 * {@code message.received} through the shared webhook engine to a real receiver: retried on openmail's schedule
 * (compressed 50 times, so the spacing of attempts can be measured) with the attempt counting up and one event id; an
 * inbox's own webhook overrides the account's, its secret rotates, a test event is signed like the rest; attachments
 * download with the owner's key alone, also past the expiry of the URL they were given with.
 */
class OpenmailWebhooksTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final double SCALE = 0.02;
    /** The document's retries, "at 0 s, 30 s, 60 s, 2 min and 4 min": five attempts, counted from the first. */
    private static final List<Duration> ATTEMPT_OFFSETS = List.of(Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(60),
        Duration.ofMinutes(2), Duration.ofMinutes(4));
    /** What an attempt may take beyond its scaled delay: the failed answer, the outbox write, signing, connecting. */
    private static final Duration SLACK = Duration.ofMillis(500);

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .setting(Setting.WEBHOOK_ALLOW_PRIVATE, "true")
        .setting(Setting.WEBHOOK_SCHEDULE_SCALE, String.valueOf(SCALE))
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
        // The second and third attempts are 30 s after the one before, compressed to 600 ms.
        assertThat(Duration.between(attempts.get(1).receivedAt(), attempts.get(2).receivedAt())).isGreaterThanOrEqualTo(scaled(Duration.ofSeconds(30)));
    }

    @Test
    void aReceiverThatAlwaysFailsGetsExactlyFiveAttemptsAtTheDocumentedOffsetsThenADeadLetter() throws Exception {
        agent.createInbox("{\"username\":\"unreachable\"}");
        receiver.respondAt("/account", 500, 500, 500, 500, 500, 500, 500, 500, 500, 500);

        mail("unreachable@openmail.localhost", "Never taken");

        Awaitility.await().atMost(WAIT).until(() -> !at("/account").isEmpty());
        String eventId = OpenmailClient.verifiedPayload(at("/account").get(0), accountSecret).get("event_id").asText();
        // Once the delivery is a dead letter the engine has given up: no attempt can follow.
        Awaitility.await().atMost(WAIT).until(() -> isDeadLetter(eventId));
        List<WebhookReceiver.ReceivedRequest> attempts = at("/account");
        assertThat(attempts).hasSize(ATTEMPT_OFFSETS.size());
        List<Integer> numbers = new ArrayList<>();
        for (WebhookReceiver.ReceivedRequest attempt : attempts) {
            JsonNode payload = OpenmailClient.verifiedPayload(attempt, accountSecret);
            assertThat(payload.get("event_id").asText()).isEqualTo(eventId);
            numbers.add(payload.get("attempt").asInt());
        }
        assertThat(numbers).containsExactly(1, 2, 3, 4, 5);
        for (int n = 1; n < attempts.size(); n++) {
            Duration gap = Duration.between(attempts.get(n - 1).receivedAt(), attempts.get(n).receivedAt());
            Duration expected = scaled(ATTEMPT_OFFSETS.get(n).minus(ATTEMPT_OFFSETS.get(n - 1)));
            assertThat(gap).as("between attempts %d and %d", n, n + 1).isBetween(expected, expected.plus(SLACK));
        }
        Duration last = Duration.between(attempts.get(0).receivedAt(), attempts.get(attempts.size() - 1).receivedAt());
        assertThat(last).as("the fifth attempt, from the first").isBetween(scaled(Duration.ofMinutes(4)),
            scaled(Duration.ofMinutes(4)).plus(SLACK.multipliedBy(ATTEMPT_OFFSETS.size() - 1L)));
    }

    private static Duration scaled(Duration documented) {
        return Duration.ofMillis(Math.round(documented.toMillis() * SCALE));
    }

    private static boolean isDeadLetter(String eventId) {
        JsonNode deadLetters = postyard.webAdmin().get("/postyard/webhooks/dead-letters").send().json();
        for (JsonNode dead : deadLetters) {
            if (dead.path("eventId").asText().equals(eventId)) {
                return true;
            }
        }
        return false;
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
    void anAttachmentDownloadsWithTheOwnersKeyAloneAtThePathTheWebhookGave() throws Exception {
        agent.createInbox("{\"username\":\"files\"}");
        mail("files@openmail.localhost", "With notes");
        Awaitility.await().atMost(WAIT).until(() -> at("/account").size() == 1);
        JsonNode message = OpenmailClient.verifiedPayload(at("/account").get(0), accountSecret).get("message");
        String path = message.get("attachments").get(0).get("url").asText();
        // The documented path, which an agent can also build from the message id and file name, or keep for later.
        assertThat(path).endsWith("/openmail/v1/attachments/" + message.get("id").asText() + "/notes.txt");

        HttpResponse<byte[]> byKey = agent.download(path);

        assertThat(byKey.statusCode()).isEqualTo(200);
        assertThat(new String(byKey.body(), StandardCharsets.UTF_8)).isEqualTo("the notes");
        assertThat(byKey.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value).contains("notes.txt"));
        HttpResponse<byte[]> otherFile = agent.download(path.replace("notes.txt", "other.txt"));
        assertThat(otherFile.statusCode()).isEqualTo(404);
        assertThat(new String(otherFile.body(), StandardCharsets.UTF_8)).contains("\"error\":\"not_found\"");

        OpenmailClient stranger = OpenmailClient.withNewKey(postyard, "elsewhere");
        HttpResponse<byte[]> refused = stranger.download(path);
        assertThat(refused.statusCode()).as("another account's key").isEqualTo(404);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("\"error\":\"not_found\"").doesNotContain("notes");
        HttpResponse<byte[]> anonymous = withoutKey(path);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(new String(anonymous.body(), StandardCharsets.UTF_8)).contains("\"error\":\"unauthorized\"");
    }

    private static HttpResponse<byte[]> withoutKey(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
