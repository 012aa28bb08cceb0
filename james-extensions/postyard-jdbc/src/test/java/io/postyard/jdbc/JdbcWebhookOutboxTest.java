package io.postyard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.webhook.AbandonedWebhookDeliveries;
import io.postyard.core.webhook.DeliveryStatus;
import io.postyard.core.webhook.WebhookDelivery;
import io.postyard.core.webhook.WebhookOutbox;
import io.postyard.core.webhook.WebhookOutboxContract;
import io.postyard.core.webhook.WebhookTarget;

class JdbcWebhookOutboxTest extends WebhookOutboxContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcWebhookOutbox.SCHEMA);

    private final JdbcWebhookOutbox store = new JdbcWebhookOutbox(database.jdbi());

    @Override
    protected WebhookOutbox store() {
        return store;
    }

    /** A node whose lease ended: it last renewed it two leases ago. */
    private static JdbcWebhookOutbox stoppedNode() {
        Duration lease = JdbcWebhookOutbox.DEFAULT_LEASE;
        return new JdbcWebhookOutbox(database.jdbi(), lease, Clock.offset(Clock.systemUTC(), lease.multipliedBy(-2)));
    }

    private static WebhookDelivery claimedBy(JdbcWebhookOutbox node) {
        WebhookDelivery delivery = WebhookDelivery.pending("ev-" + UUID.randomUUID(), new WebhookTarget("openmail:" + UUID.randomUUID(),
            URI.create("https://hooks.example/o"), "openmail", "whsec", new byte[] {1, 2, 3}), Instant.now());
        node.insertIfAbsent(delivery);
        assertThat(node.claim(delivery.id())).isTrue();
        return delivery;
    }

    @Test
    void aDeliveryLeftSendingByAStoppedNodeIsHandedBackAndClaimedAgain() {
        WebhookDelivery delivery = claimedBy(stoppedNode());

        assertThat(store.handBackAbandoned()).contains(delivery.id());

        assertThat(store.get(delivery.id())).get().extracting(WebhookDelivery::status).isEqualTo(DeliveryStatus.PENDING);
        assertThat(store.withStatus(DeliveryStatus.PENDING, 100_000)).extracting(WebhookDelivery::id).contains(delivery.id());
        assertThat(store.withStatus(DeliveryStatus.SENDING, 100_000)).extracting(WebhookDelivery::id).doesNotContain(delivery.id());
        assertThat(store.claim(delivery.id())).isTrue();
        assertThat(store.handBackAbandoned()).doesNotContain(delivery.id());
    }

    @Test
    void aLiveNodeKeepsItsClaims() {
        JdbcWebhookOutbox live = new JdbcWebhookOutbox(database.jdbi());
        WebhookDelivery delivery = claimedBy(live);

        assertThat(store.handBackAbandoned()).doesNotContain(delivery.id());

        assertThat(store.get(delivery.id())).get().extracting(WebhookDelivery::status).isEqualTo(DeliveryStatus.SENDING);
    }

    @Test
    void aDeliverySavedSendingStaysItsNodes() {
        JdbcWebhookOutbox live = new JdbcWebhookOutbox(database.jdbi());
        WebhookDelivery delivery = claimedBy(live);

        live.save(live.get(delivery.id()).orElseThrow().attempted(Optional.of(503), Optional.empty(), Instant.now()));

        assertThat(store.handBackAbandoned()).doesNotContain(delivery.id());
        assertThat(store.get(delivery.id())).get().extracting(WebhookDelivery::attempts).isEqualTo(1);
    }

    @Test
    void theLeaseJobDispatchesWhatItHandsBack() {
        WebhookDelivery delivery = claimedBy(stoppedNode());
        List<String> dispatched = new ArrayList<>();

        new AbandonedWebhookDeliveries(store, dispatched::add).run();

        assertThat(dispatched).contains(delivery.id());
        assertThat(store.claim(delivery.id())).isTrue();
    }
}
