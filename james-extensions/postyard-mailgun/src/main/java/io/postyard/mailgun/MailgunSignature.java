package io.postyard.mailgun;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

import io.postyard.core.link.HmacKey;

/**
 * What proves a Mailgun post (a webhook, a route's post) came from us: {@code signature} is hex HMAC-SHA256 of
 * timestamp + token under the account's signing key, and the token is 50 random hex characters, new on every attempt.
 */
public record MailgunSignature(String timestamp, String token, String signature) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public static MailgunSignature create(String signingKey, Instant now) {
        String timestamp = Long.toString(now.getEpochSecond());
        byte[] random = new byte[25];
        RANDOM.nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        String signature = HexFormat.of().formatHex(HmacKey.of(signingKey.getBytes(StandardCharsets.UTF_8)).sign(timestamp + token));
        return new MailgunSignature(timestamp, token, signature);
    }
}
