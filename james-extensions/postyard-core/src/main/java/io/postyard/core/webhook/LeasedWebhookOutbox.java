package io.postyard.core.webhook;

import java.time.Duration;
import java.util.List;

/**
 * An outbox shared by several nodes: a node's claims on deliveries hold while it renews its lease, and the deliveries
 * a node without a lease left {@code SENDING} can be handed back to pending, for another node to attempt.
 */
public interface LeasedWebhookOutbox {
    Duration lease();

    void renewLease();

    /** The ids of the deliveries handed back to pending. */
    List<String> handBackAbandoned();
}
