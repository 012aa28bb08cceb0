package io.postyard.core.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The stored form of a key secret. Secrets are at least 128 random bits, so an unsalted SHA-256 cannot be reversed
 * by guessing, and it lets a presented secret be found with a single lookup.
 */
public record KeyHash(String hex) {
    public static KeyHash of(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return new KeyHash(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a mandatory JDK algorithm", e);
        }
    }

    public KeyHash {
        Objects.requireNonNull(hex);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("A key hash is 64 lower-case hex digits");
        }
    }
}
