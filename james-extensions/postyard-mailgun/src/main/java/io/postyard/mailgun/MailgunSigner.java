package io.postyard.mailgun;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import io.postyard.core.link.HmacKey;
import io.postyard.core.webhook.SignedRequest;
import io.postyard.core.webhook.WebhookSigner;

/**
 * Mailgun: {@code {"signature": {"timestamp", "token", "signature"}, "event-data": {...}}}, where the signature is
 * hex HMAC-SHA256 of timestamp + token under the account's signing key, and the token is 50 random hex characters.
 */
final class MailgunSigner implements WebhookSigner {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public SignedRequest sign(byte[] payload, String eventId, String secret, Instant now) {
        String timestamp = Long.toString(now.getEpochSecond());
        byte[] random = new byte[25];
        RANDOM.nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        String signature = HexFormat.of().formatHex(HmacKey.of(secret.getBytes(StandardCharsets.UTF_8)).sign(timestamp + token));
        // The payload is already the event's JSON: it is framed as it is, not parsed and written again.
        byte[] head = ("{\"signature\":{\"timestamp\":\"" + timestamp + "\",\"token\":\"" + token + "\",\"signature\":\""
            + signature + "\"},\"event-data\":").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + payload.length + 1];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(payload, 0, body, head.length, payload.length);
        body[body.length - 1] = '}';
        return new SignedRequest(body, Map.of("Content-Type", "application/json"));
    }
}
