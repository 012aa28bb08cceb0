package io.postyard.cassandra;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import javax.inject.Inject;
import javax.inject.Named;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;

import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;
import io.postyard.core.webhook.AbandonedWebhookDeliveries;
import io.postyard.core.webhook.DeliveryStatus;
import io.postyard.core.webhook.LeasedWebhookOutbox;
import io.postyard.core.webhook.WebhookDelivery;
import io.postyard.core.webhook.WebhookOutbox;

/**
 * The outbox as one row per delivery whose status only ever changes through lightweight transactions: the insert
 * ({@code IF NOT EXISTS}), the claim ({@code IF status = 'PENDING'}, so one node attempts a delivery) and every later
 * save (compare-and-set on the status read just before). Mixing plain writes in would let one, timestamped by another
 * clock, silently lose to a transaction.
 * <p>
 * Deliveries are listed per status and per subscription through the {@link TimeIndex}, in daily buckets of their
 * creation: the start-up sweep of pending deliveries, the dead letters and the purge of finished ones each read only
 * the days that hold entries. An index entry is written before the status change it reflects and the stale one
 * removed after, so no delivery is ever missing from a list; readers keep only entries their delivery still matches.
 * <p>
 * A claim records the claiming node. Each node holds a lease, a row with a TTL that it renews (see
 * {@link AbandonedWebhookDeliveries}); deliveries left {@code SENDING} by a node whose lease ended are handed back to
 * {@code PENDING}, so a stopped node's deliveries are attempted again while a live node's are never taken from it.
 */
public class CassandraWebhookOutbox implements WebhookOutbox, LeasedWebhookOutbox {
    static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);
    private static final Instant FAR_FUTURE = Instant.parse("9999-12-31T00:00:00Z");
    private static final String COLUMNS = "id, event_id, subscription_id, url, scheme, secret, payload, status, attempts, "
        + "last_response_code, last_error, last_attempt_at, created_at, claimed_by";
    public static final SchemaMigration SCHEMA = new SchemaMigration("webhook_outbox", 1, List.of(
        "CREATE TABLE IF NOT EXISTS webhook_deliveries (id text PRIMARY KEY, event_id text, subscription_id text, url text, scheme text, "
            + "secret text, payload blob, status text, attempts int, last_response_code int, last_error text, last_attempt_at timestamp, "
            + "created_at timestamp, claimed_by uuid)",
        "CREATE TABLE IF NOT EXISTS webhook_outbox_nodes (node uuid PRIMARY KEY, renewed_at timestamp)"));

    private final CqlSession session;
    private final TimeIndex index;
    private final UUID node = UUID.randomUUID();
    private final PreparedStatement insertIfAbsent;
    private final PreparedStatement select;
    private final PreparedStatement claim;
    private final PreparedStatement update;
    private final PreparedStatement handBack;
    private final PreparedStatement purge;
    private final PreparedStatement insertLease;
    private final PreparedStatement selectLease;
    private final Duration lease;
    private volatile Instant leaseRenewedAt = Instant.EPOCH;

    @Inject
    public CassandraWebhookOutbox(@Named(PostyardSession.NAME) CqlSession session, PostyardSettings settings) {
        this(session, settings.getDuration(Setting.WEBHOOK_NODE_LEASE));
    }

    public CassandraWebhookOutbox(CqlSession session) {
        this(session, DEFAULT_LEASE);
    }

    CassandraWebhookOutbox(CqlSession session, Duration lease) {
        this.session = session;
        this.lease = lease;
        this.index = new TimeIndex(session, TimeBucket.DAY);
        this.insertIfAbsent = session.prepare("INSERT INTO webhook_deliveries (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "IF NOT EXISTS");
        this.select = session.prepare("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE id = ?");
        this.claim = session.prepare("UPDATE webhook_deliveries SET status = 'SENDING', claimed_by = ? WHERE id = ? IF status = 'PENDING'");
        this.update = session.prepare("UPDATE webhook_deliveries SET event_id = ?, subscription_id = ?, url = ?, scheme = ?, secret = ?, "
            + "payload = ?, status = ?, attempts = ?, last_response_code = ?, last_error = ?, last_attempt_at = ?, created_at = ?, "
            + "claimed_by = ? WHERE id = ? IF status = ?");
        this.handBack = session.prepare("UPDATE webhook_deliveries SET status = 'PENDING', claimed_by = null WHERE id = ? "
            + "IF status = 'SENDING' AND claimed_by = ?");
        this.purge = session.prepare("DELETE FROM webhook_deliveries WHERE id = ? IF status = ? AND created_at = ?");
        this.insertLease = session.prepare("INSERT INTO webhook_outbox_nodes (node, renewed_at) VALUES (?, ?) USING TTL " + Math.max(1, lease.toSeconds()));
        this.selectLease = session.prepare("SELECT node FROM webhook_outbox_nodes WHERE node = ?");
        renewLease();
    }

    @Override
    public boolean insertIfAbsent(WebhookDelivery delivery) {
        indexAs(delivery);
        ResultSet inserted = session.execute(insertIfAbsent.bind(values(delivery, null)));
        if (inserted.wasApplied()) {
            return true;
        }
        unindexUnlessMatching(delivery, delivery(inserted.one()));
        return false;
    }

    @Override
    public boolean claim(String id) {
        Optional<WebhookDelivery> delivery = get(id).filter(found -> found.status() == DeliveryStatus.PENDING);
        if (delivery.isEmpty()) {
            return false;
        }
        renewLeaseIfHalfGone();
        WebhookDelivery claimed = delivery.get().withStatus(DeliveryStatus.SENDING);
        indexAs(claimed);
        ResultSet result = session.execute(claim.bind(node, id));
        if (result.wasApplied()) {
            index.remove(statusScope(DeliveryStatus.PENDING), claimed.createdAt(), id);
            return true;
        }
        // Another node's claim indexed the very same entry: only a delivery that is not SENDING loses it.
        Row current = result.one();
        if (!current.getColumnDefinitions().contains("status") || !DeliveryStatus.SENDING.name().equals(current.getString("status"))) {
            index.remove(statusScope(DeliveryStatus.SENDING), claimed.createdAt(), id);
        }
        return false;
    }

    @Override
    public void save(WebhookDelivery delivery) {
        while (true) {
            Optional<Row> current = Optional.ofNullable(session.execute(select.bind(delivery.id())).one());
            if (current.isEmpty()) {
                if (insertIfAbsent(delivery)) {
                    return;
                }
                continue;
            }
            WebhookDelivery previous = delivery(current.get());
            UUID claimant = delivery.status() == DeliveryStatus.SENDING ? current.get().getUuid("claimed_by") : null;
            indexAs(delivery);
            if (session.execute(update.bind(delivery.eventId(), delivery.subscriptionId(), delivery.url().toString(), delivery.scheme(),
                delivery.secret(), ByteBuffer.wrap(delivery.payload()), delivery.status().name(), delivery.attempts(),
                delivery.lastResponseCode().orElse(null), delivery.lastError().orElse(null), delivery.lastAttemptAt().orElse(null),
                delivery.createdAt(), claimant, delivery.id(), previous.status().name())).wasApplied()) {
                unindexUnlessMatching(previous, delivery);
                return;
            }
            // The status changed since it was read: drop what was indexed for this attempt and start again.
            get(delivery.id()).ifPresentOrElse(now -> unindexUnlessMatching(delivery, now), () -> unindex(delivery));
        }
    }

    @Override
    public Optional<WebhookDelivery> get(String id) {
        return CqlRows.one(session.execute(select.bind(id)), CassandraWebhookOutbox::delivery);
    }

    @Override
    public List<WebhookDelivery> bySubscription(String subscriptionId, int limit) {
        return listed(subscriptionScope(subscriptionId), Instant.EPOCH, FAR_FUTURE, true)
            .filter(delivery -> delivery.subscriptionId().equals(subscriptionId))
            .limit(limit)
            .toList();
    }

    @Override
    public List<WebhookDelivery> withStatus(DeliveryStatus status, int limit) {
        return listed(statusScope(status), Instant.EPOCH, FAR_FUTURE, true)
            .filter(delivery -> delivery.status() == status)
            .limit(limit)
            .toList();
    }

    @Override
    public int purgeFinishedBefore(Instant before) {
        int purged = 0;
        for (DeliveryStatus status : List.of(DeliveryStatus.DELIVERED, DeliveryStatus.REJECTED)) {
            List<WebhookDelivery> finished = listed(statusScope(status), Instant.EPOCH, before, false)
                .filter(delivery -> delivery.status() == status && delivery.createdAt().isBefore(before))
                .toList();
            for (WebhookDelivery delivery : finished) {
                if (session.execute(purge.bind(delivery.id(), status.name(), delivery.createdAt())).wasApplied()) {
                    unindex(delivery);
                    purged++;
                }
            }
        }
        return purged;
    }

    /** How long a node's claims hold without its renewing them. */
    @Override
    public Duration lease() {
        return lease;
    }

    /** Renews this node's lease, keeping the deliveries it claimed its own. */
    @Override
    public void renewLease() {
        Instant now = Instant.now();
        session.execute(insertLease.bind(node, now));
        leaseRenewedAt = now;
    }

    /** Hands the deliveries left {@code SENDING} by nodes whose lease ended back to {@code PENDING}; tells which. */
    @Override
    public List<String> handBackAbandoned() {
        // Read the whole list first: handing back rewrites the index being read.
        List<WebhookDelivery> sending = listed(statusScope(DeliveryStatus.SENDING), Instant.EPOCH, FAR_FUTURE, false)
            .filter(delivery -> delivery.status() == DeliveryStatus.SENDING)
            .toList();
        Map<UUID, Boolean> alive = new HashMap<>();
        List<String> handedBack = new ArrayList<>();
        for (WebhookDelivery delivery : sending) {
            UUID claimant = CqlRows.one(session.execute(select.bind(delivery.id())), row -> row.getUuid("claimed_by")).orElse(null);
            boolean abandoned = claimant == null || !alive.computeIfAbsent(claimant, this::holdsLease);
            if (abandoned && handBack(delivery, claimant)) {
                handedBack.add(delivery.id());
            }
        }
        return handedBack;
    }

    private boolean handBack(WebhookDelivery delivery, UUID claimant) {
        indexAs(delivery.withStatus(DeliveryStatus.PENDING));
        if (session.execute(handBack.bind(delivery.id(), claimant)).wasApplied()) {
            index.remove(statusScope(DeliveryStatus.SENDING), delivery.createdAt(), delivery.id());
            return true;
        }
        return false;
    }

    UUID node() {
        return node;
    }

    private boolean holdsLease(UUID claimant) {
        return session.execute(selectLease.bind(claimant)).one() != null;
    }

    private void renewLeaseIfHalfGone() {
        if (leaseRenewedAt.plus(lease.dividedBy(2)).isBefore(Instant.now())) {
            renewLease();
        }
    }

    /** The deliveries an index scope points at, in its order, each read back and kept only if the entry still matches it. */
    private Stream<WebhookDelivery> listed(String scope, Instant from, Instant to, boolean newestFirst) {
        return index.scan(scope, from, to, newestFirst)
            .flatMap(entry -> get(entry.key()).filter(delivery -> delivery.createdAt().equals(entry.at())).stream());
    }

    private void indexAs(WebhookDelivery delivery) {
        index.add(statusScope(delivery.status()), delivery.createdAt(), delivery.id());
        index.add(subscriptionScope(delivery.subscriptionId()), delivery.createdAt(), delivery.id());
    }

    private void unindex(WebhookDelivery delivery) {
        index.remove(statusScope(delivery.status()), delivery.createdAt(), delivery.id());
        index.remove(subscriptionScope(delivery.subscriptionId()), delivery.createdAt(), delivery.id());
    }

    /** Removes the entries of {@code stale} that {@code current} does not share. */
    private void unindexUnlessMatching(WebhookDelivery stale, WebhookDelivery current) {
        boolean sameCreation = stale.createdAt().equals(current.createdAt());
        if (!sameCreation || stale.status() != current.status()) {
            index.remove(statusScope(stale.status()), stale.createdAt(), stale.id());
        }
        if (!sameCreation || !stale.subscriptionId().equals(current.subscriptionId())) {
            index.remove(subscriptionScope(stale.subscriptionId()), stale.createdAt(), stale.id());
        }
    }

    private static String statusScope(DeliveryStatus status) {
        return "webhook-status:" + status.name();
    }

    private static String subscriptionScope(String subscriptionId) {
        return "webhook-subscription:" + subscriptionId;
    }

    private static Object[] values(WebhookDelivery delivery, UUID claimant) {
        return new Object[] {delivery.id(), delivery.eventId(), delivery.subscriptionId(), delivery.url().toString(), delivery.scheme(),
            delivery.secret(), ByteBuffer.wrap(delivery.payload()), delivery.status().name(), delivery.attempts(),
            delivery.lastResponseCode().orElse(null), delivery.lastError().orElse(null), delivery.lastAttemptAt().orElse(null),
            delivery.createdAt(), claimant};
    }

    private static WebhookDelivery delivery(Row row) {
        ByteBuffer payload = row.getByteBuffer("payload");
        byte[] bytes = new byte[payload == null ? 0 : payload.remaining()];
        if (payload != null) {
            payload.duplicate().get(bytes);
        }
        return new WebhookDelivery(row.getString("id"), row.getString("event_id"), row.getString("subscription_id"),
            URI.create(row.getString("url")), row.getString("scheme"), row.getString("secret"), bytes,
            DeliveryStatus.valueOf(row.getString("status")), row.getInt("attempts"),
            Optional.ofNullable(row.get("last_response_code", Integer.class)), Optional.ofNullable(row.getString("last_error")),
            Optional.ofNullable(row.getInstant("last_attempt_at")), row.getInstant("created_at"));
    }
}
