package io.postyard.core.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import io.postyard.core.link.HmacKey;

/**
 * The body as it is, with the event id, the signing time and hex HMAC-SHA256 of {@code "{timestamp}.{raw body}"} under
 * the webhook's secret in headers, so that a replayed body with a new timestamp fails. Providers differ only in the
 * header names and a prefix on the signature.
 */
public final class TimestampedBodySigner implements WebhookSigner {
    private final String eventIdHeader;
    private final String timestampHeader;
    private final String signatureHeader;
    private final String signaturePrefix;

    public TimestampedBodySigner(String eventIdHeader, String timestampHeader, String signatureHeader, String signaturePrefix) {
        this.eventIdHeader = eventIdHeader;
        this.timestampHeader = timestampHeader;
        this.signatureHeader = signatureHeader;
        this.signaturePrefix = signaturePrefix;
    }

    @Override
    public SignedRequest sign(byte[] payload, String eventId, String secret, Instant now) {
        String timestamp = Long.toString(now.getEpochSecond());
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + payload.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(payload, 0, message, prefix.length, payload.length);
        String signature = HexFormat.of().formatHex(HmacKey.of(secret.getBytes(StandardCharsets.UTF_8)).sign(message));
        return new SignedRequest(payload, Map.of(
            "Content-Type", "application/json",
            eventIdHeader, eventId,
            timestampHeader, timestamp,
            signatureHeader, signaturePrefix + signature));
    }
}
