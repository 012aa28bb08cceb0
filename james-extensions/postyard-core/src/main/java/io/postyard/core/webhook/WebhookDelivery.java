package io.postyard.core.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * One event on its way to one URL: the outbox entry. Its id derives from the event id and the URL, so publishing the
 * same event again never makes a second delivery.
 */
public record WebhookDelivery(String id, String eventId, String subscriptionId, URI url, String scheme, String secret,
                              byte[] payload, DeliveryStatus status, int attempts, Optional<Integer> lastResponseCode,
                              Optional<String> lastError, Optional<Instant> lastAttemptAt, Instant createdAt) {
    public static String idOf(String eventId, URI url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((eventId + "\n" + url).getBytes(StandardCharsets.UTF_8));
            return "whd_" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static WebhookDelivery pending(String eventId, WebhookTarget target, Instant now) {
        return new WebhookDelivery(idOf(eventId, target.url()), eventId, target.subscriptionId(), target.url(), target.scheme(),
            target.secret(), target.payload(), DeliveryStatus.PENDING, 0, Optional.empty(), Optional.empty(), Optional.empty(), now);
    }

    public WebhookDelivery {
        Objects.requireNonNull(id);
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(subscriptionId);
        Objects.requireNonNull(url);
        Objects.requireNonNull(scheme);
        Objects.requireNonNull(secret);
        Objects.requireNonNull(payload);
        Objects.requireNonNull(status);
        Objects.requireNonNull(lastResponseCode);
        Objects.requireNonNull(lastError);
        Objects.requireNonNull(lastAttemptAt);
        Objects.requireNonNull(createdAt);
    }

    public WebhookDelivery attempted(Optional<Integer> responseCode, Optional<String> error, Instant at) {
        return new WebhookDelivery(id, eventId, subscriptionId, url, scheme, secret, payload, status, attempts + 1, responseCode,
            error, Optional.of(at), createdAt);
    }

    public WebhookDelivery withStatus(DeliveryStatus newStatus) {
        return new WebhookDelivery(id, eventId, subscriptionId, url, scheme, secret, payload, newStatus, attempts, lastResponseCode,
            lastError, lastAttemptAt, createdAt);
    }

    /** Back to pending with a fresh count, for a replay. */
    public WebhookDelivery replayed() {
        return new WebhookDelivery(id, eventId, subscriptionId, url, scheme, secret, payload, DeliveryStatus.PENDING, 0,
            lastResponseCode, lastError, lastAttemptAt, createdAt);
    }

    @Override
    public String toString() {
        return "WebhookDelivery{" + id + ", event=" + eventId + ", " + status + ", attempts=" + attempts + "}";
    }
}
