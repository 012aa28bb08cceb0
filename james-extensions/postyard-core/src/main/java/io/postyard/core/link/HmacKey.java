package io.postyard.core.link;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** An HMAC-SHA256 key: signs messages, and derives a key of its own for each purpose from the server secret. */
public final class HmacKey {
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    private HmacKey(byte[] secret) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    public static HmacKey of(byte[] secret) {
        return new HmacKey(secret);
    }

    /** A key for one purpose only: what it signs is no signature under the secret, nor under another purpose's key. */
    public HmacKey derive(String purpose) {
        return new HmacKey(sign(purpose));
    }

    /** The HMAC of the message's UTF-8 bytes. */
    public byte[] sign(String message) {
        return sign(message.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] sign(byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is a mandatory JDK algorithm", e);
        }
    }
}
