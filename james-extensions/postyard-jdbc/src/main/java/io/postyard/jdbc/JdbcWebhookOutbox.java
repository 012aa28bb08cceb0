package io.postyard.jdbc;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.inject.Inject;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;
import io.postyard.core.webhook.AbandonedWebhookDeliveries;
import io.postyard.core.webhook.DeliveryStatus;
import io.postyard.core.webhook.LeasedWebhookOutbox;
import io.postyard.core.webhook.WebhookDelivery;
import io.postyard.core.webhook.WebhookOutbox;

/**
 * The outbox as a row per delivery, keyed by the delivery id (itself derived from the event id and the URL), so a
 * delivery made again for the same event is a refused insert. A claim is an update conditioned on the status
 * ({@code WHERE status = 'PENDING'}), which the database applies to one caller only: the row count tells the winner.
 * Lists by status and by subscription, most recent first, read an index each.
 * <p>
 * A claim records the claiming node. Each node holds a lease, a row with its end, which it renews (see
 * {@link AbandonedWebhookDeliveries}); deliveries left {@code SENDING} by a node whose lease ended are handed back
 * to {@code PENDING}, so a stopped node's deliveries are attempted again while a live node's are never taken from it.
 * Nodes compare a lease's end with their own clock: a few seconds apart matter little against a lease of minutes.
 */
public class JdbcWebhookOutbox implements WebhookOutbox, LeasedWebhookOutbox {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("webhook_outbox");
    static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);
    private static final String COLUMNS = "id, event_id, subscription_id, url, scheme, secret, payload, status, attempts, "
        + "last_response_code, last_error, last_attempt_at, created_at";
    private static final RowMapper<WebhookDelivery> DELIVERY = (row, context) -> new WebhookDelivery(row.getString("id"),
        row.getString("event_id"), row.getString("subscription_id"), URI.create(row.getString("url")), row.getString("scheme"),
        row.getString("secret"), Base64.getDecoder().decode(row.getString("payload")), DeliveryStatus.valueOf(row.getString("status")),
        row.getInt("attempts"), Optional.ofNullable(row.getObject("last_response_code", Integer.class)),
        Optional.ofNullable(row.getString("last_error")), Columns.instant(row, "last_attempt_at"), Instant.ofEpochMilli(row.getLong("created_at")));

    /** A delivery left {@code SENDING}, and the node that claimed it ("" for none). */
    private record Claim(String delivery, String node) {
    }

    private final Jdbi jdbi;
    private final Duration lease;
    private final Clock clock;
    private final String node = UUID.randomUUID().toString();
    private volatile Instant leaseRenewedAt = Instant.EPOCH;

    @Inject
    public JdbcWebhookOutbox(PostyardDatabase database, PostyardSettings settings, Clock clock) {
        this(database.jdbi(), settings.getDuration(Setting.WEBHOOK_NODE_LEASE), clock);
    }

    public JdbcWebhookOutbox(Jdbi jdbi) {
        this(jdbi, DEFAULT_LEASE, Clock.systemUTC());
    }

    JdbcWebhookOutbox(Jdbi jdbi, Duration lease, Clock clock) {
        this.jdbi = jdbi;
        this.lease = lease;
        this.clock = clock;
        renewLease();
    }

    @Override
    public boolean insertIfAbsent(WebhookDelivery delivery) {
        return RowWrites.insertIfAbsent(jdbi, handle -> insert(handle, delivery));
    }

    @Override
    public boolean claim(String id) {
        renewLeaseIfHalfGone();
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE webhook_deliveries SET status = 'SENDING', claimed_by = :node "
                + "WHERE id = :id AND status = 'PENDING'")
            .bind("node", node)
            .bind("id", id)
            .execute()) == 1;
    }

    @Override
    public void save(WebhookDelivery delivery) {
        RowWrites.upsert(jdbi, handle -> update(handle, delivery), handle -> insert(handle, delivery));
    }

    @Override
    public Optional<WebhookDelivery> get(String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE id = :id")
            .bind("id", id)
            .map(DELIVERY)
            .findOne());
    }

    @Override
    public List<WebhookDelivery> bySubscription(String subscriptionId, int limit) {
        return mostRecent("subscription_id", subscriptionId, limit);
    }

    @Override
    public List<WebhookDelivery> withStatus(DeliveryStatus status, int limit) {
        return mostRecent("status", status.name(), limit);
    }

    @Override
    public int purgeFinishedBefore(Instant before) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM webhook_deliveries "
                + "WHERE status IN ('DELIVERED', 'REJECTED') AND created_at < :before")
            .bind("before", EpochMillis.ceil(before))
            .execute());
    }

    /** How long a node's claims hold without its renewing them. */
    @Override
    public Duration lease() {
        return lease;
    }

    String node() {
        return node;
    }

    /** Renews this node's lease, keeping the deliveries it claimed its own, and forgets leases that ended a lease ago. */
    @Override
    public void renewLease() {
        Instant now = clock.instant();
        long end = now.plus(lease).toEpochMilli();
        RowWrites.upsert(jdbi,
            handle -> handle.createUpdate("UPDATE webhook_outbox_nodes SET expires_at = :end WHERE node = :node")
                .bind("end", end)
                .bind("node", node)
                .execute(),
            handle -> handle.createUpdate("INSERT INTO webhook_outbox_nodes (node, expires_at) VALUES (:node, :end)")
                .bind("node", node)
                .bind("end", end)
                .execute());
        // A missing lease is an ended one: the rows of stopped nodes need not stay.
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM webhook_outbox_nodes WHERE expires_at < :forgotten")
            .bind("forgotten", now.minus(lease).toEpochMilli())
            .execute());
        leaseRenewedAt = now;
    }

    /** Hands the deliveries left {@code SENDING} by nodes whose lease ended back to {@code PENDING}; tells which. */
    @Override
    public List<String> handBackAbandoned() {
        return jdbi.withHandle(handle -> {
            List<Claim> abandoned = handle.createQuery("SELECT d.id, COALESCE(d.claimed_by, '') AS claimant FROM webhook_deliveries d "
                    + "WHERE d.status = 'SENDING' "
                    + "AND NOT EXISTS (SELECT 1 FROM webhook_outbox_nodes n WHERE n.node = d.claimed_by AND n.expires_at > :now)")
                .bind("now", clock.millis())
                .map((row, context) -> new Claim(row.getString("id"), row.getString("claimant")))
                .list();
            // Only a delivery still SENDING for the same node goes back: one claimed again since the read stays with its new node.
            return abandoned.stream()
                .filter(claim -> handle.createUpdate("UPDATE webhook_deliveries SET status = 'PENDING', claimed_by = NULL "
                        + "WHERE id = :id AND status = 'SENDING' AND COALESCE(claimed_by, '') = :claimant")
                    .bind("id", claim.delivery())
                    .bind("claimant", claim.node())
                    .execute() == 1)
                .map(Claim::delivery)
                .toList();
        });
    }

    private void renewLeaseIfHalfGone() {
        if (leaseRenewedAt.plus(lease.dividedBy(2)).isBefore(clock.instant())) {
            renewLease();
        }
    }

    private List<WebhookDelivery> mostRecent(String column, String value, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE " + column + " = :value "
                // The indexed column leads ORDER BY too: H2 reads the index in order only then.
                + "ORDER BY " + column + ", created_at DESC, id FETCH FIRST :limit ROWS ONLY")
            .bind("value", value)
            .bind("limit", limit)
            .map(DELIVERY)
            .list());
    }

    private void insert(Handle handle, WebhookDelivery delivery) {
        bound(handle.createUpdate("INSERT INTO webhook_deliveries (" + COLUMNS + ", claimed_by) VALUES (:id, :eventId, :subscriptionId, "
                + ":url, :scheme, :secret, :payload, :status, :attempts, :lastResponseCode, :lastError, :lastAttemptAt, :createdAt, :node)"),
            delivery)
            .bind("node", delivery.status() == DeliveryStatus.SENDING ? node : null)
            .execute();
    }

    /** Rewrites the delivery; one saved {@code SENDING} keeps its claimant, or gets this node, which is attempting it, for one. */
    private int update(Handle handle, WebhookDelivery delivery) {
        boolean sending = delivery.status() == DeliveryStatus.SENDING;
        Update update = bound(handle.createUpdate("UPDATE webhook_deliveries SET event_id = :eventId, subscription_id = :subscriptionId, "
                + "url = :url, scheme = :scheme, secret = :secret, payload = :payload, status = :status, attempts = :attempts, "
                + "last_response_code = :lastResponseCode, last_error = :lastError, last_attempt_at = :lastAttemptAt, "
                + "created_at = :createdAt, claimed_by = " + (sending ? "COALESCE(claimed_by, :node)" : "NULL") + " WHERE id = :id"),
            delivery);
        if (sending) {
            update.bind("node", node);
        }
        return update.execute();
    }

    private static Update bound(Update update, WebhookDelivery delivery) {
        return update.bind("id", delivery.id())
            .bind("eventId", delivery.eventId())
            .bind("subscriptionId", delivery.subscriptionId())
            .bind("url", delivery.url().toString())
            .bind("scheme", delivery.scheme())
            .bind("secret", delivery.secret())
            .bind("payload", Base64.getEncoder().encodeToString(delivery.payload()))
            .bind("status", delivery.status().name())
            .bind("attempts", delivery.attempts())
            .bind("lastResponseCode", delivery.lastResponseCode().orElse(null))
            .bind("lastError", delivery.lastError().orElse(null))
            .bind("lastAttemptAt", Columns.millis(delivery.lastAttemptAt()))
            .bind("createdAt", delivery.createdAt().toEpochMilli());
    }
}
