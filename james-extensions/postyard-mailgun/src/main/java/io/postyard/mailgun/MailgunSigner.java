package io.postyard.mailgun;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import io.postyard.core.webhook.SignedRequest;
import io.postyard.core.webhook.WebhookSigner;

/**
 * Mailgun: {@code {"signature": {"timestamp", "token", "signature"}, "event-data": {...}}}, signed as
 * {@link MailgunSignature} says.
 */
final class MailgunSigner implements WebhookSigner {
    @Override
    public SignedRequest sign(byte[] payload, String eventId, String secret, Instant now) {
        MailgunSignature signature = MailgunSignature.create(secret, now);
        // The payload is already the event's JSON: it is framed as it is, not parsed and written again.
        byte[] head = ("{\"signature\":{\"timestamp\":\"" + signature.timestamp() + "\",\"token\":\"" + signature.token()
            + "\",\"signature\":\"" + signature.signature() + "\"},\"event-data\":").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + payload.length + 1];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(payload, 0, body, head.length, payload.length);
        body[body.length - 1] = '}';
        return new SignedRequest(body, Map.of("Content-Type", "application/json"));
    }
}
