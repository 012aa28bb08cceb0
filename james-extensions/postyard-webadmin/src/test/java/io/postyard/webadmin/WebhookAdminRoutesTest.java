package io.postyard.webadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.james.webadmin.utils.JsonTransformer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.postyard.core.webhook.DeliveryStatus;
import io.postyard.core.webhook.MemoryWebhookOutbox;
import io.postyard.core.webhook.WebhookDelivery;
import io.postyard.core.webhook.WebhookReplays;
import io.postyard.core.webhook.WebhookTarget;

class WebhookAdminRoutesTest {
    private static final String OPENED = "mailgun:hooks.test:opened";
    private static final String CLICKED = "mailgun:hooks.test:clicked";
    private static final String SIGNING_SECRET = "whsec-do-not-show";
    private static final Instant CREATED = Instant.parse("2026-05-01T10:00:00Z");

    private final MemoryWebhookOutbox outbox = new MemoryWebhookOutbox();
    // Written by WebAdmin's request threads, read by the test's.
    private final List<String> dispatched = new CopyOnWriteArrayList<>();
    private TestWebAdmin webAdmin;

    @BeforeEach
    void startWebAdmin() {
        webAdmin = TestWebAdmin.serving(new WebhookAdminRoutes(outbox, new WebhookReplays(outbox, dispatched::add), new JsonTransformer()));
    }

    @AfterEach
    void stopWebAdmin() {
        webAdmin.destroy();
    }

    private WebhookDelivery stored(String eventId, String subscription, int minutesAfter, DeliveryStatus status) {
        WebhookTarget target = new WebhookTarget(subscription, URI.create("https://receiver.example/" + subscription), "mailgun",
            SIGNING_SECRET, "{\"payload\":\"private\"}".getBytes(StandardCharsets.UTF_8));
        WebhookDelivery delivery = WebhookDelivery.pending(eventId, target, CREATED.plusSeconds(60L * minutesAfter)).withStatus(status);
        outbox.insertIfAbsent(delivery);
        return delivery;
    }

    @Test
    void aSubscriptionsDeliveriesAreListedNewestFirstWithoutTheirSecretOrPayload() {
        WebhookDelivery older = stored("ev-1", OPENED, 0, DeliveryStatus.DELIVERED)
            .attempted(Optional.of(200), Optional.empty(), CREATED.plusSeconds(5));
        outbox.save(older);
        WebhookDelivery newer = stored("ev-2", OPENED, 1, DeliveryStatus.SENDING);
        stored("ev-3", CLICKED, 2, DeliveryStatus.DELIVERED);

        TestWebAdmin.Reply deliveries = webAdmin.get("/postyard/webhooks/deliveries?subscription=" + OPENED);

        assertThat(deliveries.status()).as(deliveries.toString()).isEqualTo(200);
        assertThat(deliveries.json()).extracting(delivery -> delivery.get("id").asText()).containsExactly(newer.id(), older.id());
        JsonNode attempted = deliveries.json().get(1);
        assertThat(attempted.get("eventId").asText()).isEqualTo("ev-1");
        assertThat(attempted.get("subscription").asText()).isEqualTo(OPENED);
        assertThat(attempted.get("url").asText()).isEqualTo("https://receiver.example/" + OPENED);
        assertThat(attempted.get("status").asText()).isEqualTo("delivered");
        assertThat(attempted.get("attempts").asInt()).isEqualTo(1);
        assertThat(attempted.get("lastResponseCode").asInt()).isEqualTo(200);
        assertThat(attempted.get("lastError").isNull()).isTrue();
        assertThat(attempted.get("lastAttemptAt").asText()).isEqualTo("2026-05-01T10:00:05Z");
        assertThat(attempted.get("createdAt").asText()).isEqualTo("2026-05-01T10:00:00Z");
        assertThat(deliveries.json().get(0).get("status").asText()).isEqualTo("sending");
        // The signing secret and the payload may hold what only the receiver should see.
        assertThat(deliveries.body()).doesNotContain(SIGNING_SECRET).doesNotContain("private");

        assertThat(webAdmin.get("/postyard/webhooks/deliveries?limit=1&subscription=" + OPENED).json())
            .extracting(delivery -> delivery.get("id").asText()).containsExactly(newer.id());
        // A limit that makes no sense falls back to the default rather than failing an operator's look.
        assertThat(webAdmin.get("/postyard/webhooks/deliveries?limit=lots&subscription=" + OPENED).json()).hasSize(2);
    }

    @Test
    void theDeliveriesViewNeedsASubscription() {
        TestWebAdmin.Reply refused = webAdmin.get("/postyard/webhooks/deliveries");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("type").asText()).isEqualTo("InvalidArgument");
        assertThat(refused.json().get("message").asText()).isEqualTo("'subscription' is required");
    }

    @Test
    void deadLettersAreTheDeadDeliveriesOfEverySubscription() {
        WebhookDelivery deadOpen = stored("ev-1", OPENED, 0, DeliveryStatus.DEAD);
        WebhookDelivery deadClick = stored("ev-2", CLICKED, 1, DeliveryStatus.DEAD);
        stored("ev-3", OPENED, 2, DeliveryStatus.REJECTED);
        stored("ev-4", OPENED, 3, DeliveryStatus.DELIVERED);

        TestWebAdmin.Reply deadLetters = webAdmin.get("/postyard/webhooks/dead-letters");

        assertThat(deadLetters.status()).isEqualTo(200);
        assertThat(deadLetters.json()).extracting(delivery -> delivery.get("id").asText()).containsExactly(deadClick.id(), deadOpen.id());
        assertThat(deadLetters.json()).allSatisfy(delivery -> assertThat(delivery.get("status").asText()).isEqualTo("dead"));
    }

    @Test
    void aFinishedDeliveryIsReplayedWhileOneInFlightIs409AndAnUnknownOneIs404() {
        WebhookDelivery dead = stored("ev-1", OPENED, 0, DeliveryStatus.DEAD);
        WebhookDelivery inFlight = stored("ev-2", OPENED, 1, DeliveryStatus.SENDING);

        TestWebAdmin.Reply replayed = webAdmin.post("/postyard/webhooks/deliveries/" + dead.id() + "/replay");
        TestWebAdmin.Reply busy = webAdmin.post("/postyard/webhooks/deliveries/" + inFlight.id() + "/replay");
        TestWebAdmin.Reply unknown = webAdmin.post("/postyard/webhooks/deliveries/whd_000000000000000000000000/replay");

        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
        assertThat(replayed.json().get("replayed").asInt()).isEqualTo(1);
        assertThat(outbox.get(dead.id())).get().extracting(WebhookDelivery::status).isEqualTo(DeliveryStatus.PENDING);
        // A second attempt beside the engine's own would reach the receiver twice at once.
        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.json().get("message").asText()).isEqualTo("Delivery " + inFlight.id() + " is still in flight");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asText()).isEqualTo("notFound");
        assertThat(unknown.json().get("message").asText()).isEqualTo("Delivery whd_000000000000000000000000 does not exist");
        assertThat(dispatched).containsExactly(dead.id());
    }

    @Test
    void replayingASubscriptionResendsOnlyItsDeadAndRejectedDeliveries() {
        WebhookDelivery dead = stored("ev-1", OPENED, 0, DeliveryStatus.DEAD);
        WebhookDelivery rejected = stored("ev-2", OPENED, 1, DeliveryStatus.REJECTED);
        stored("ev-3", OPENED, 2, DeliveryStatus.DELIVERED);
        stored("ev-4", OPENED, 3, DeliveryStatus.SENDING);
        stored("ev-5", CLICKED, 4, DeliveryStatus.DEAD);

        TestWebAdmin.Reply replayed = webAdmin.post("/postyard/webhooks/subscriptions/" + OPENED + "/replay");

        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
        assertThat(replayed.json().get("replayed").asInt()).isEqualTo(2);
        assertThat(dispatched).containsExactlyInAnyOrder(dead.id(), rejected.id());
        assertThat(webAdmin.post("/postyard/webhooks/subscriptions/mailgun:nowhere.test:opened/replay").json().get("replayed").asInt())
            .isZero();
    }
}
