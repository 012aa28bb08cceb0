package io.postyard.core.webhook;

import java.time.Instant;

/**
 * Completes a scheme's payload for one attempt, just before it is signed: openmail's body carries the attempt number
 * and the delivery time, which change on every attempt while the event id stays. A scheme without one posts the
 * payload as it was rendered.
 */
public interface WebhookPayloadFinaliser {
    /** The signing scheme whose payloads this completes ({@code openmail}). */
    String scheme();

    /** The payload for attempt {@code attempt} (1 for the first), made at {@code at}. */
    byte[] finalise(byte[] payload, int attempt, Instant at);
}
