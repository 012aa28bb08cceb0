package io.postyard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.james.core.Domain;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.multibindings.Multibinder;

import io.postyard.core.account.AccountId;
import io.postyard.core.event.EventType;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.event.Severity;
import io.postyard.core.settings.Setting;
import io.postyard.core.webhook.WebhookSubscriptionSource;
import io.postyard.core.webhook.WebhookTarget;
import io.postyard.testing.ApiResponse;
import io.postyard.testing.PostyardExtension;
import io.postyard.testing.WebhookReceiver;

/**
 * The webhook engine against a real HTTP receiver, with events published directly and the retry schedules compressed
 * (5 minutes become 60 ms).
 */
class WebhookDeliveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOMAIN = "hooks.test";
    private static final String OPENMAIL_DOMAIN = "agents.test";
    private static final String OPENMAIL_SECRET = "whsec_openmail_test";
    private static WebhookReceiver receiver;
    private static WebhookReceiver slowReceiver;

    /** Deliveries in the openmail scheme for a domain of the test's own, so the engine is tested apart from the provider. */
    static final class OpenmailTestSource implements WebhookSubscriptionSource {
        @Override
        public List<WebhookTarget> targetsFor(PostyardEvent event) {
            if (!event.domain().asString().equals(OPENMAIL_DOMAIN)) {
                return List.of();
            }
            byte[] payload = ("{\"event\":\"message.received\",\"event_id\":\"" + event.id().value() + "\"}").getBytes(StandardCharsets.UTF_8);
            return List.of(new WebhookTarget("openmail:test", URI.create(receiver.url("/openmail")), "openmail", OPENMAIL_SECRET, payload));
        }
    }

    @RegisterExtension
    static PostyardExtension postyard = PostyardExtension.builder()
        .setting(Setting.WEBHOOK_ALLOW_PRIVATE, "true")
        .setting(Setting.WEBHOOK_SCHEDULE_SCALE, "0.0002")
        .overrideWith(binder -> Multibinder.newSetBinder(binder, WebhookSubscriptionSource.class).addBinding().to(OpenmailTestSource.class))
        .build();

    @BeforeAll
    static void startReceiverAndConfigure() throws Exception {
        receiver = new WebhookReceiver();
        slowReceiver = new WebhookReceiver().delayResponses(Duration.ofMillis(400));
        postyard.api().post("/mailgun/v3/domains").basicAuth("api", postyard.primaryKey()).form(Map.of("name", DOMAIN)).send();
        for (String name : List.of("delivered", "permanent_fail", "opened", "clicked")) {
            ApiResponse created = postyard.api().post("/mailgun/v3/domains/" + DOMAIN + "/webhooks").basicAuth("api", postyard.primaryKey())
                .form(Map.of("id", name, "url", receiver.url("/mailgun/" + name))).send();
            assertThat(created.status()).as(created.toString()).isEqualTo(200);
        }
        postyard.api().post("/mailgun/v3/domains/" + DOMAIN + "/webhooks").basicAuth("api", postyard.primaryKey())
            .form(Map.of("id", "unsubscribed", "url", slowReceiver.url("/slow"))).send();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
        slowReceiver.close();
    }

    @BeforeEach
    void resetReceiver() {
        receiver.clear();
    }

    private static PostyardEvent event(EventType type, String recipient) {
        PostyardEvent.Builder builder = PostyardEvent.builder(type, AccountId.DEFAULT, Domain.of(DOMAIN)).recipient(recipient).tags(List.of("t1"));
        if (type == EventType.FAILED) {
            builder.severity(Severity.PERMANENT).reason("bounce");
        }
        return builder.build();
    }

    private static List<WebhookReceiver.ReceivedRequest> receivedAt(String path) {
        return receiver.received().stream().filter(request -> request.path().equals(path)).toList();
    }

    @Test
    void aMailgunDeliveryIsSignedWithTheAccountKey() throws Exception {
        String key = postyard.api().get("/mailgun/v5/accounts/http_signing_key").basicAuth("api", postyard.primaryKey()).send()
            .json().get("http_signing_key").asText();
        PostyardEvent event = event(EventType.DELIVERED, "signed@far.example");

        postyard.publish(event);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receivedAt("/mailgun/delivered").size() == 1);
        JsonNode body = JSON.readTree(receivedAt("/mailgun/delivered").get(0).body());
        JsonNode signature = body.get("signature");
        assertThat(signature.get("token").asText()).matches("[0-9a-f]{50}");
        assertThat(signature.get("signature").asText())
            .isEqualTo(hmac(key, signature.get("timestamp").asText() + signature.get("token").asText()));
        assertThat(body.get("event-data").get("id").asText()).isEqualTo(event.id().value());
        assertThat(body.get("event-data").get("event").asText()).isEqualTo("delivered");
        assertThat(body.get("event-data").get("recipient").asText()).isEqualTo("signed@far.example");
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsTheEventOnceWithTheSameId() throws Exception {
        receiver.respondAt("/mailgun/opened", 500, 503, 502);
        PostyardEvent event = event(EventType.OPENED, "retry@far.example");

        postyard.publish(event);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> receivedAt("/mailgun/opened").size() == 4);
        Thread.sleep(500);
        List<WebhookReceiver.ReceivedRequest> attempts = receivedAt("/mailgun/opened");
        assertThat(attempts).hasSize(4);
        // The schedule, compressed 5,000 times: 5, 10 and 15 minutes become 60, 120 and 180 ms.
        assertThat(Duration.between(attempts.get(0).receivedAt(), attempts.get(1).receivedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(60));
        assertThat(Duration.between(attempts.get(1).receivedAt(), attempts.get(2).receivedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(120));
        assertThat(Duration.between(attempts.get(2).receivedAt(), attempts.get(3).receivedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(180));
        for (WebhookReceiver.ReceivedRequest attempt : attempts) {
            assertThat(JSON.readTree(attempt.body()).get("event-data").get("id").asText()).isEqualTo(event.id().value());
        }
        JsonNode deliveries = postyard.webAdmin().get("/postyard/webhooks/deliveries?subscription=mailgun:" + DOMAIN + ":opened").send().json();
        assertThat(deliveries).anySatisfy(delivery -> {
            assertThat(delivery.get("eventId").asText()).isEqualTo(event.id().value());
            assertThat(delivery.get("status").asText()).isEqualTo("delivered");
            assertThat(delivery.get("attempts").asInt()).isEqualTo(4);
            assertThat(delivery.get("lastResponseCode").asInt()).isEqualTo(200);
        });
    }

    @Test
    void a406IsNeverRetried() throws Exception {
        receiver.respondAt("/mailgun/clicked", 406);

        postyard.publish(event(EventType.CLICKED, "refuse@far.example"));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receivedAt("/mailgun/clicked").size() == 1);
        Thread.sleep(1500);
        assertThat(receivedAt("/mailgun/clicked")).hasSize(1);
        JsonNode deliveries = postyard.webAdmin().get("/postyard/webhooks/deliveries?subscription=mailgun:" + DOMAIN + ":clicked").send().json();
        assertThat(deliveries.get(0).get("status").asText()).isEqualTo("rejected");
    }

    @Test
    void aReceiverDownForTheWholeScheduleLeavesADeadLetterThatAReplayDelivers() throws Exception {
        receiver.respondAt("/mailgun/permanent_fail", 500, 500, 500, 500, 500, 500, 500);
        PostyardEvent event = event(EventType.FAILED, "dead@far.example");

        postyard.publish(event);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters().stream()
            .anyMatch(dead -> dead.get("eventId").asText().equals(event.id().value())));
        assertThat(receivedAt("/mailgun/permanent_fail")).hasSize(7);
        String deliveryId = deadLetters().stream().filter(dead -> dead.get("eventId").asText().equals(event.id().value()))
            .findFirst().orElseThrow().get("id").asText();

        ApiResponse replay = postyard.webAdmin().post("/postyard/webhooks/deliveries/" + deliveryId + "/replay").send();

        assertThat(replay.status()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receivedAt("/mailgun/permanent_fail").size() == 8);
        assertThat(deadLetters()).noneMatch(dead -> dead.get("eventId").asText().equals(event.id().value()));
    }

    @Test
    void replayingASubscriptionResendsWhatItsReceiverRefused() throws Exception {
        receiver.respondAt("/mailgun/clicked", 406);
        PostyardEvent event = event(EventType.CLICKED, "again@far.example");
        postyard.publish(event);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receivedAt("/mailgun/clicked").size() == 1);
        String subscription = "mailgun:" + DOMAIN + ":clicked";
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> statusOf(subscription, event).equals("rejected"));

        ApiResponse replay = postyard.webAdmin().post("/postyard/webhooks/subscriptions/" + subscription + "/replay").send();

        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().get("replayed").asInt()).isGreaterThanOrEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(subscription, event).equals("delivered"));
        assertThat(receivedAt("/mailgun/clicked")).filteredOn(request -> request.bodyAsString().contains(event.id().value())).hasSize(2);
    }

    @Test
    void aReplayOfAnUnknownDeliveryIs404() {
        ApiResponse replay = postyard.webAdmin().post("/postyard/webhooks/deliveries/whd_000000000000000000000000/replay").send();

        assertThat(replay.status()).isEqualTo(404);
    }

    @Test
    void theDeliveriesViewNeedsASubscription() {
        assertThat(postyard.webAdmin().get("/postyard/webhooks/deliveries").send().status()).isEqualTo(400);
    }

    private static String statusOf(String subscription, PostyardEvent event) {
        JsonNode deliveries = postyard.webAdmin().get("/postyard/webhooks/deliveries?subscription=" + subscription).send().json();
        for (JsonNode delivery : deliveries) {
            if (delivery.get("eventId").asText().equals(event.id().value())) {
                return delivery.get("status").asText();
            }
        }
        return "";
    }

    @Test
    void aSlowReceiverDoesNotHoldUpTheOthers() throws Exception {
        slowReceiver.clear();
        int slowEvents = 40;
        for (int i = 0; i < slowEvents; i++) {
            postyard.publish(event(EventType.UNSUBSCRIBED, "slow" + i + "@far.example"));
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> slowReceiver.received().size() >= 1);
        Instant published = Instant.now();

        postyard.publish(event(EventType.DELIVERED, "fast@far.example"));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receivedAt("/mailgun/delivered").size() == 1);
        Duration fastLatency = Duration.between(published, receivedAt("/mailgun/delivered").get(0).receivedAt());
        int slowSoFar = slowReceiver.received().size();
        assertThat(fastLatency).isLessThan(Duration.ofMillis(1500));
        assertThat(slowSoFar).isLessThan(slowEvents);
        // At most four attempts to one host at once: 40 answers of 400 ms take at least 4 s.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> slowReceiver.received().size() == slowEvents);
        List<WebhookReceiver.ReceivedRequest> slow = slowReceiver.received();
        assertThat(Duration.between(slow.get(0).receivedAt(), slow.get(slowEvents - 1).receivedAt()))
            .isGreaterThanOrEqualTo(Duration.ofMillis(3500));
    }

    private static List<JsonNode> deadLetters() {
        JsonNode body = postyard.webAdmin().get("/postyard/webhooks/dead-letters").send().json();
        List<JsonNode> items = new java.util.ArrayList<>();
        body.forEach(items::add);
        return items;
    }

    @Test
    void theSameEventPublishedTwiceIsDeliveredOnce() throws Exception {
        PostyardEvent event = event(EventType.DELIVERED, "twice@far.example");

        postyard.publish(event);
        postyard.publish(event);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receivedAt("/mailgun/delivered").size() >= 1);
        Thread.sleep(1000);
        assertThat(receivedAt("/mailgun/delivered")).hasSize(1);
    }

    @Test
    void anOpenmailDeliveryIsSignedOverTimestampAndBody() throws Exception {
        PostyardEvent event = PostyardEvent.builder(EventType.STORED, AccountId.DEFAULT, Domain.of(OPENMAIL_DOMAIN)).build();

        postyard.publish(event);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receivedAt("/openmail").size() == 1);
        WebhookReceiver.ReceivedRequest request = receivedAt("/openmail").get(0);
        String timestamp = request.header("X-Timestamp");
        assertThat(request.header("X-Event-Id")).isEqualTo(event.id().value());
        assertThat(request.header("X-Signature")).isEqualTo(hmac(OPENMAIL_SECRET, timestamp + "." + request.bodyAsString()));
        long age = Instant.now().getEpochSecond() - Long.parseLong(timestamp);
        assertThat(age).isBetween(0L, 300L);
        assertThat(isFresh("0")).isFalse();
    }

    /** A receiver's check: a timestamp more than five minutes old is stale. */
    private static boolean isFresh(String timestamp) {
        return Instant.now().getEpochSecond() - Long.parseLong(timestamp) <= 300;
    }

    private static String hmac(String key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

}
