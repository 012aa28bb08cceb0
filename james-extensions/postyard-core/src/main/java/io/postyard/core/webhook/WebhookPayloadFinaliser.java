package io.postyard.core.webhook;

import java.time.Instant;

/**
 * Completes a scheme's payload for one attempt, just before it is signed: openmail's body carries the attempt number
 * and the delivery time, which change on every attempt while the event id stays.
 */
@FunctionalInterface
public interface WebhookPayloadFinaliser {
    WebhookPayloadFinaliser AS_RENDERED = (payload, attempt, at) -> payload;

    /** The payload for attempt {@code attempt} (1 for the first), made at {@code at}. */
    byte[] finalise(byte[] payload, int attempt, Instant at);
}
