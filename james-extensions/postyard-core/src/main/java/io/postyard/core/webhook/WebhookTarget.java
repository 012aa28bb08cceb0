package io.postyard.core.webhook;

import java.net.URI;
import java.util.Objects;

/**
 * Where and how one event goes for one subscription: the URL, the signing scheme and its secret, and the payload the
 * provider renders for that event (before signing).
 */
public record WebhookTarget(String subscriptionId, URI url, String scheme, String secret, byte[] payload) {
    public WebhookTarget {
        Objects.requireNonNull(subscriptionId);
        Objects.requireNonNull(url);
        Objects.requireNonNull(scheme);
        Objects.requireNonNull(secret);
        Objects.requireNonNull(payload);
    }
}
