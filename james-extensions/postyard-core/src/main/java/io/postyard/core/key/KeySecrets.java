package io.postyard.core.key;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Generates key secrets: a readable prefix followed by 192 random bits. */
public final class KeySecrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RANDOM_BYTES = 24;
    private static final int HINT_LENGTH = 4;

    public static String generate(String prefix) {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    public static String hint(String secret) {
        return secret.length() <= HINT_LENGTH ? "" : secret.substring(secret.length() - HINT_LENGTH);
    }

    private KeySecrets() {
    }
}
