package io.postyard.core.webhook;

public enum DeliveryStatus {
    PENDING,
    /** Claimed by the engine: being attempted or waiting for its next retry. */
    SENDING,
    DELIVERED,
    REJECTED,
    DEAD
}
