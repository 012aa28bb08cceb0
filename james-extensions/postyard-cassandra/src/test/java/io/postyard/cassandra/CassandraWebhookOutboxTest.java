package io.postyard.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.webhook.AbandonedWebhookDeliveries;
import io.postyard.core.webhook.DeliveryStatus;
import io.postyard.core.webhook.WebhookDelivery;
import io.postyard.core.webhook.WebhookOutbox;
import io.postyard.core.webhook.WebhookOutboxContract;
import io.postyard.core.webhook.WebhookTarget;

class CassandraWebhookOutboxTest extends WebhookOutboxContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraWebhookOutbox.SCHEMA, TimeBuckets.SCHEMA, TimeIndex.SCHEMA);

    private final CassandraWebhookOutbox store = new CassandraWebhookOutbox(cassandra.session());

    @Override
    protected WebhookOutbox store() {
        return store;
    }

    private WebhookDelivery claimedBy(CassandraWebhookOutbox node) {
        WebhookDelivery delivery = WebhookDelivery.pending("ev-" + UUID.randomUUID(), new WebhookTarget("openmail:" + UUID.randomUUID(),
            URI.create("https://hooks.example/o"), "openmail", "whsec", new byte[] {1, 2, 3}), Instant.now());
        node.insertIfAbsent(delivery);
        assertThat(node.claim(delivery.id())).isTrue();
        return delivery;
    }

    /** What the TTL does to the lease of a node that stopped renewing it. */
    private static void stop(CassandraWebhookOutbox node) {
        cassandra.session().execute("DELETE FROM webhook_outbox_nodes WHERE node = ?", node.node());
    }

    @Test
    void aDeliveryLeftSendingByAStoppedNodeIsHandedBackAndClaimedAgain() {
        CassandraWebhookOutbox stopped = new CassandraWebhookOutbox(cassandra.session());
        WebhookDelivery delivery = claimedBy(stopped);
        stop(stopped);

        assertThat(store.handBackAbandoned()).contains(delivery.id());

        assertThat(store.get(delivery.id())).get().extracting(WebhookDelivery::status).isEqualTo(DeliveryStatus.PENDING);
        assertThat(store.withStatus(DeliveryStatus.PENDING, 100_000)).extracting(WebhookDelivery::id).contains(delivery.id());
        assertThat(store.withStatus(DeliveryStatus.SENDING, 100_000)).extracting(WebhookDelivery::id).doesNotContain(delivery.id());
        assertThat(store.claim(delivery.id())).isTrue();
        assertThat(store.handBackAbandoned()).doesNotContain(delivery.id());
    }

    @Test
    void aLiveNodeKeepsItsClaims() {
        CassandraWebhookOutbox live = new CassandraWebhookOutbox(cassandra.session());
        WebhookDelivery delivery = claimedBy(live);

        assertThat(store.handBackAbandoned()).doesNotContain(delivery.id());

        assertThat(store.get(delivery.id())).get().extracting(WebhookDelivery::status).isEqualTo(DeliveryStatus.SENDING);
    }

    @Test
    void theLeaseJobDispatchesWhatItHandsBack() {
        CassandraWebhookOutbox stopped = new CassandraWebhookOutbox(cassandra.session());
        WebhookDelivery delivery = claimedBy(stopped);
        stop(stopped);
        List<String> dispatched = new ArrayList<>();

        new AbandonedWebhookDeliveries(store, dispatched::add).run();

        assertThat(dispatched).contains(delivery.id());
        assertThat(store.claim(delivery.id())).isTrue();
    }
}
