package io.postyard.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class MemoryWebhookOutboxTest {
    private final MemoryWebhookOutbox outbox = new MemoryWebhookOutbox();
    private final WebhookTarget target = new WebhookTarget("mailgun:d.test:delivered", URI.create("https://hooks.example/d"), "mailgun",
        "key", "{}".getBytes(StandardCharsets.UTF_8));

    @Test
    void theSameEventAndUrlMakeOneDelivery() {
        assertThat(outbox.insertIfAbsent(WebhookDelivery.pending("ev-1", target, Instant.now()))).isTrue();
        assertThat(outbox.insertIfAbsent(WebhookDelivery.pending("ev-1", target, Instant.now()))).isFalse();
        assertThat(outbox.insertIfAbsent(WebhookDelivery.pending("ev-2", target, Instant.now()))).isTrue();
    }

    @Test
    void aPendingDeliveryIsClaimedOnce() {
        WebhookDelivery delivery = WebhookDelivery.pending("ev-1", target, Instant.now());
        outbox.insertIfAbsent(delivery);

        assertThat(outbox.claim(delivery.id())).isTrue();
        assertThat(outbox.claim(delivery.id())).isFalse();
        assertThat(outbox.get(delivery.id())).get().extracting(WebhookDelivery::status).isEqualTo(DeliveryStatus.SENDING);
    }

    @Test
    void aReplayedDeliveryCanBeClaimedAgain() {
        WebhookDelivery delivery = WebhookDelivery.pending("ev-1", target, Instant.now());
        outbox.insertIfAbsent(delivery);
        outbox.claim(delivery.id());
        outbox.save(outbox.get(delivery.id()).orElseThrow().withStatus(DeliveryStatus.DEAD));

        new WebhookReplays(outbox, id -> { }).replay(delivery.id());

        assertThat(outbox.claim(delivery.id())).isTrue();
    }

    @Test
    void aDeliveryInFlightIsNotReplayed() {
        WebhookDelivery delivery = WebhookDelivery.pending("ev-1", target, Instant.now());
        outbox.insertIfAbsent(delivery);
        outbox.claim(delivery.id());

        assertThat(new WebhookReplays(outbox, id -> { }).replay(delivery.id())).isEqualTo(WebhookReplays.Outcome.IN_FLIGHT);
    }

    @Test
    void anUnknownDeliveryIsNotReplayed() {
        assertThat(new WebhookReplays(outbox, id -> { }).replay("whd_nope")).isEqualTo(WebhookReplays.Outcome.UNKNOWN);
    }

    @Test
    void pruningForgetsOldFinishedDeliveriesButKeepsDeadLettersAndRecentOnes() {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        WebhookDelivery oldDelivered = WebhookDelivery.pending("old-ok", target, now.minus(java.time.Duration.ofDays(8)));
        WebhookDelivery oldDead = WebhookDelivery.pending("old-dead", target, now.minus(java.time.Duration.ofDays(8)));
        WebhookDelivery recent = WebhookDelivery.pending("recent", target, now.minus(java.time.Duration.ofDays(1)));
        outbox.insertIfAbsent(oldDelivered.withStatus(DeliveryStatus.DELIVERED));
        outbox.insertIfAbsent(oldDead.withStatus(DeliveryStatus.DEAD));
        outbox.insertIfAbsent(recent.withStatus(DeliveryStatus.DELIVERED));

        new WebhookOutboxPruning(outbox, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC)).run();

        assertThat(outbox.get(oldDelivered.id())).isEmpty();
        assertThat(outbox.get(oldDead.id())).isPresent();
        assertThat(outbox.get(recent.id())).isPresent();
    }
}
