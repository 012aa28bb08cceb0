package io.postyard.camel.webhook;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

final class Hmac {
    static String sha256Hex(String key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is a mandatory JDK algorithm", e);
        }
    }

    /** The openmail-style signature: HMAC-SHA256 of {@code "{timestamp}.{raw body}"}, so a replayed body with a new timestamp fails. */
    static String timestampedBody(String key, String timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(body, 0, message, prefix.length, body.length);
        return sha256Hex(key, message);
    }

    private Hmac() {
    }
}
