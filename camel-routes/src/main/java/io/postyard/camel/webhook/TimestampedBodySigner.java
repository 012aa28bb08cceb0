package io.postyard.camel.webhook;

import java.time.Instant;
import java.util.Map;

/**
 * The body as it is, with the event id, the signing time and hex HMAC-SHA256 of {@code "{timestamp}.{raw body}"} under
 * the webhook's secret in headers. Providers differ only in the header names and a prefix on the signature.
 */
abstract class TimestampedBodySigner implements WebhookSigner {
    private final String eventIdHeader;
    private final String timestampHeader;
    private final String signatureHeader;
    private final String signaturePrefix;

    TimestampedBodySigner(String eventIdHeader, String timestampHeader, String signatureHeader, String signaturePrefix) {
        this.eventIdHeader = eventIdHeader;
        this.timestampHeader = timestampHeader;
        this.signatureHeader = signatureHeader;
        this.signaturePrefix = signaturePrefix;
    }

    @Override
    public SignedRequest sign(byte[] payload, String eventId, String secret, Instant now) {
        String timestamp = Long.toString(now.getEpochSecond());
        return new SignedRequest(payload, Map.of(
            "Content-Type", "application/json",
            eventIdHeader, eventId,
            timestampHeader, timestamp,
            signatureHeader, signaturePrefix + Hmac.timestampedBody(secret, timestamp, payload)));
    }
}
