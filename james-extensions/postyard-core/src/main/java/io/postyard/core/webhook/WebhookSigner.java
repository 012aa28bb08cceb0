package io.postyard.core.webhook;

import java.time.Instant;

/** How a provider's receivers check that a webhook came from us. */
public interface WebhookSigner {
    /** Signs {@code payload} (the provider's event JSON) for one attempt; the event id stays the same on every attempt. */
    SignedRequest sign(byte[] payload, String eventId, String secret, Instant now);
}
