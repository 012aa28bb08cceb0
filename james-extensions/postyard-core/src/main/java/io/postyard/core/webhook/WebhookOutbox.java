package io.postyard.core.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Deliveries not yet finished and their history; the durable store makes "at least once" survive restarts. */
public interface WebhookOutbox {
    /** Stores a new delivery unless one with its id exists; tells whether it was stored. */
    boolean insertIfAbsent(WebhookDelivery delivery);

    /**
     * Moves a pending delivery to {@link DeliveryStatus#SENDING}, atomically, and tells whether this caller won it: a
     * delivery dispatched twice (by the start-up sweep and by its event, or by two replays) is attempted once. A
     * durable store must hand deliveries left {@code SENDING} by a stopped node back to pending when it starts.
     */
    boolean claim(String id);

    void save(WebhookDelivery delivery);

    Optional<WebhookDelivery> get(String id);

    /** Most recent first. */
    List<WebhookDelivery> bySubscription(String subscriptionId, int limit);

    List<WebhookDelivery> withStatus(DeliveryStatus status, int limit);

    /** Forgets delivered and rejected deliveries created before the instant; tells how many. Dead letters stay for replay. */
    int purgeFinishedBefore(Instant before);
}
