package io.postyard.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class WebhookReplaysTest {
    private final MemoryWebhookOutbox outbox = new MemoryWebhookOutbox();
    private final List<String> dispatched = new ArrayList<>();
    private final WebhookReplays replays = new WebhookReplays(outbox, dispatched::add);
    private final WebhookTarget target = new WebhookTarget("mailgun:d.test:delivered", URI.create("https://hooks.example/d"), "mailgun",
        "key", "{}".getBytes(StandardCharsets.UTF_8));

    @Test
    void aDeadDeliveryIsReplayedAsPendingAndDispatched() {
        WebhookDelivery delivery = WebhookDelivery.pending("ev-1", target, Instant.now());
        outbox.insertIfAbsent(delivery.withStatus(DeliveryStatus.DEAD));

        assertThat(replays.replay(delivery.id())).isEqualTo(WebhookReplays.Outcome.REPLAYED);

        assertThat(outbox.get(delivery.id())).get().extracting(WebhookDelivery::status).isEqualTo(DeliveryStatus.PENDING);
        assertThat(dispatched).containsExactly(delivery.id());
    }

    @Test
    void aDeliveryInFlightIsNotReplayed() {
        WebhookDelivery delivery = WebhookDelivery.pending("ev-1", target, Instant.now());
        outbox.insertIfAbsent(delivery);
        outbox.claim(delivery.id());

        assertThat(replays.replay(delivery.id())).isEqualTo(WebhookReplays.Outcome.IN_FLIGHT);
        assertThat(dispatched).isEmpty();
    }

    @Test
    void anUnknownDeliveryIsNotReplayed() {
        assertThat(replays.replay("whd_nope")).isEqualTo(WebhookReplays.Outcome.UNKNOWN);
    }

    @Test
    void aSubscriptionsDeadAndRejectedDeliveriesAreReplayed() {
        WebhookDelivery dead = WebhookDelivery.pending("ev-1", target, Instant.now()).withStatus(DeliveryStatus.DEAD);
        WebhookDelivery rejected = WebhookDelivery.pending("ev-2", target, Instant.now()).withStatus(DeliveryStatus.REJECTED);
        WebhookDelivery delivered = WebhookDelivery.pending("ev-3", target, Instant.now()).withStatus(DeliveryStatus.DELIVERED);
        List.of(dead, rejected, delivered).forEach(outbox::insertIfAbsent);

        assertThat(replays.replaySubscription(target.subscriptionId())).isEqualTo(2);
        assertThat(dispatched).containsExactlyInAnyOrder(dead.id(), rejected.id());
    }

    @Test
    void pruningForgetsFinishedDeliveriesOlderThanAWeek() {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        WebhookDelivery old = WebhookDelivery.pending("old-ok", target, now.minus(Duration.ofDays(8))).withStatus(DeliveryStatus.DELIVERED);
        WebhookDelivery recent = WebhookDelivery.pending("recent", target, now.minus(Duration.ofDays(6))).withStatus(DeliveryStatus.DELIVERED);
        outbox.insertIfAbsent(old);
        outbox.insertIfAbsent(recent);

        new WebhookOutboxPruning(outbox, Clock.fixed(now, ZoneOffset.UTC)).run();

        assertThat(outbox.get(old.id())).isEmpty();
        assertThat(outbox.get(recent.id())).isPresent();
    }
}
