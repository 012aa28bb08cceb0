package io.postyard.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * What every {@link WebhookOutbox} does. Each test uses a subscription and events of its own. Status lists and the
 * purge see every delivery of the store, so the test of a list's limit makes the newest deliveries of all, and the
 * purge test the only finished ones old enough to go.
 */
public abstract class WebhookOutboxContract {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00.123Z");

    private final String subscription = "mailgun:" + UUID.randomUUID() + ".test:delivered";
    private final WebhookTarget target = target("https://hooks.example/d");

    protected abstract WebhookOutbox store();

    private WebhookTarget target(String url) {
        return new WebhookTarget(subscription, URI.create(url), "mailgun", "key", "{\"event\":\"delivered\"}".getBytes(StandardCharsets.UTF_8));
    }

    private WebhookDelivery pending(Instant createdAt) {
        return WebhookDelivery.pending("ev-" + UUID.randomUUID(), target, createdAt);
    }

    private WebhookDelivery stored(String id) {
        return store().get(id).orElseThrow();
    }

    private List<String> mine(List<WebhookDelivery> deliveries) {
        return deliveries.stream().filter(delivery -> delivery.subscriptionId().equals(subscription)).map(WebhookDelivery::id).toList();
    }

    @Test
    void theSameEventAndUrlMakeOneDelivery() {
        String event = "ev-" + UUID.randomUUID();
        WebhookDelivery first = WebhookDelivery.pending(event, target, T0);

        assertThat(store().insertIfAbsent(first)).isTrue();
        assertThat(store().insertIfAbsent(WebhookDelivery.pending(event, target, T0.plusSeconds(5)))).isFalse();
        assertThat(store().insertIfAbsent(WebhookDelivery.pending(event, target("https://hooks.example/other"), T0))).isTrue();

        assertThat(stored(first.id()).createdAt()).isEqualTo(T0);
        assertThat(mine(store().bySubscription(subscription, 10))).hasSize(2);
    }

    @Test
    void aDeliveryComesBackAsSaved() {
        WebhookDelivery delivery = pending(T0);
        store().insertIfAbsent(delivery);
        WebhookDelivery attempted = delivery.attempted(Optional.of(503), Optional.empty(), T0.plusSeconds(1))
            .attempted(Optional.empty(), Optional.of("connect timed out"), T0.plusSeconds(300))
            .withStatus(DeliveryStatus.DEAD);

        store().save(attempted);

        assertThat(store().get(delivery.id())).get().usingRecursiveComparison().isEqualTo(attempted);
        assertThat(store().get("whd_" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void aPendingDeliveryIsClaimedOnce() {
        WebhookDelivery delivery = pending(T0);
        store().insertIfAbsent(delivery);

        assertThat(store().claim(delivery.id())).isTrue();
        assertThat(store().claim(delivery.id())).isFalse();
        assertThat(stored(delivery.id()).status()).isEqualTo(DeliveryStatus.SENDING);
    }

    @Test
    void onlyAPendingDeliveryCanBeClaimed() {
        WebhookDelivery delivered = pending(T0).withStatus(DeliveryStatus.DELIVERED);
        WebhookDelivery dead = pending(T0).withStatus(DeliveryStatus.DEAD);
        store().insertIfAbsent(delivered);
        store().insertIfAbsent(dead);

        assertThat(store().claim(delivered.id())).isFalse();
        assertThat(store().claim(dead.id())).isFalse();
        assertThat(store().claim("whd_" + UUID.randomUUID())).isFalse();
        assertThat(stored(dead.id()).status()).isEqualTo(DeliveryStatus.DEAD);
    }

    @Test
    void ofConcurrentClaimsExactlyOneWins() throws Exception {
        WebhookDelivery delivery = pending(T0);
        store().insertIfAbsent(delivery);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                claims.add(pool.submit(() -> store().claim(delivery.id())));
            }
            int winners = 0;
            for (Future<Boolean> claim : claims) {
                winners += claim.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReplayedDeliveryCanBeClaimedAgain() {
        WebhookDelivery delivery = pending(T0);
        store().insertIfAbsent(delivery);
        store().claim(delivery.id());
        store().save(stored(delivery.id()).attempted(Optional.of(500), Optional.empty(), T0.plusSeconds(1)).withStatus(DeliveryStatus.DEAD));

        store().save(stored(delivery.id()).replayed());

        assertThat(stored(delivery.id()).status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(stored(delivery.id()).attempts()).isZero();
        assertThat(store().claim(delivery.id())).isTrue();
    }

    @Test
    void aSubscriptionsDeliveriesComeMostRecentFirst() {
        WebhookDelivery oldest = pending(T0.minus(Duration.ofDays(3)));
        WebhookDelivery middle = pending(T0).withStatus(DeliveryStatus.DEAD);
        WebhookDelivery newest = pending(T0.plusSeconds(1));
        WebhookDelivery others = WebhookDelivery.pending("ev-" + UUID.randomUUID(), new WebhookTarget("other:" + UUID.randomUUID(),
            URI.create("https://hooks.example/x"), "mailgun", "key", new byte[0]), T0);
        store().insertIfAbsent(middle);
        store().insertIfAbsent(newest);
        store().insertIfAbsent(oldest);
        store().insertIfAbsent(others);

        assertThat(store().bySubscription(subscription, 10)).extracting(WebhookDelivery::id).containsExactly(newest.id(), middle.id(), oldest.id());
        assertThat(store().bySubscription(subscription, 2)).extracting(WebhookDelivery::id).containsExactly(newest.id(), middle.id());
        assertThat(store().bySubscription(others.subscriptionId(), 10)).extracting(WebhookDelivery::id).containsExactly(others.id());
    }

    @Test
    void aStatusListFollowsTheDeliveriesThroughTheirStatuses() {
        WebhookDelivery delivery = pending(T0);
        store().insertIfAbsent(delivery);
        assertThat(mine(store().withStatus(DeliveryStatus.PENDING, 100_000))).containsExactly(delivery.id());

        store().claim(delivery.id());
        assertThat(mine(store().withStatus(DeliveryStatus.PENDING, 100_000))).isEmpty();
        assertThat(mine(store().withStatus(DeliveryStatus.SENDING, 100_000))).containsExactly(delivery.id());

        store().save(stored(delivery.id()).attempted(Optional.of(200), Optional.empty(), T0).withStatus(DeliveryStatus.DELIVERED));
        assertThat(mine(store().withStatus(DeliveryStatus.SENDING, 100_000))).isEmpty();
        assertThat(mine(store().withStatus(DeliveryStatus.DELIVERED, 100_000))).containsExactly(delivery.id());
    }

    @Test
    void aStatusListComesMostRecentFirstUpToItsLimit() {
        Instant future = Instant.parse("2226-01-01T00:00:00Z");
        WebhookDelivery oldest = pending(future).withStatus(DeliveryStatus.DEAD);
        WebhookDelivery middle = pending(future.plus(Duration.ofDays(2))).withStatus(DeliveryStatus.DEAD);
        WebhookDelivery newest = pending(future.plus(Duration.ofDays(2)).plusSeconds(1)).withStatus(DeliveryStatus.DEAD);
        store().insertIfAbsent(middle);
        store().insertIfAbsent(oldest);
        store().insertIfAbsent(newest);

        assertThat(store().withStatus(DeliveryStatus.DEAD, 2)).extracting(WebhookDelivery::id).containsExactly(newest.id(), middle.id());
        assertThat(mine(store().withStatus(DeliveryStatus.DEAD, 100_000))).containsExactly(newest.id(), middle.id(), oldest.id());
    }

    @Test
    void purgingForgetsOldFinishedDeliveriesButKeepsDeadLettersPendingAndRecentOnes() {
        Instant now = Instant.parse("1990-03-01T10:00:00Z");
        Instant before = now.minus(Duration.ofDays(7));
        WebhookDelivery oldDelivered = pending(now.minus(Duration.ofDays(9))).withStatus(DeliveryStatus.DELIVERED);
        WebhookDelivery oldRejected = pending(before.minusMillis(1)).withStatus(DeliveryStatus.REJECTED);
        WebhookDelivery oldDead = pending(now.minus(Duration.ofDays(8))).withStatus(DeliveryStatus.DEAD);
        WebhookDelivery oldPending = pending(now.minus(Duration.ofDays(8)).minusSeconds(3600));
        WebhookDelivery recent = pending(before).withStatus(DeliveryStatus.DELIVERED);
        List.of(oldDelivered, oldRejected, oldDead, oldPending, recent).forEach(store()::insertIfAbsent);

        assertThat(store().purgeFinishedBefore(before)).isEqualTo(2);

        assertThat(store().get(oldDelivered.id())).isEmpty();
        assertThat(store().get(oldRejected.id())).isEmpty();
        assertThat(store().get(oldDead.id())).isPresent();
        assertThat(store().get(oldPending.id())).isPresent();
        assertThat(store().get(recent.id())).isPresent();
        assertThat(mine(store().bySubscription(subscription, 10))).containsExactly(recent.id(), oldDead.id(), oldPending.id());
        assertThat(store().purgeFinishedBefore(before)).isZero();
    }
}
