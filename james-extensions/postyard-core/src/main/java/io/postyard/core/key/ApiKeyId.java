package io.postyard.core.key;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

public record ApiKeyId(String value) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public static ApiKeyId random() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return new ApiKeyId("key_" + HexFormat.of().formatHex(bytes));
    }

    public ApiKeyId {
        Objects.requireNonNull(value);
        if (value.isBlank()) {
            throw new IllegalArgumentException("A key id cannot be blank");
        }
    }
}
