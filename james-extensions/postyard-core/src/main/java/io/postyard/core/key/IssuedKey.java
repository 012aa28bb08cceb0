package io.postyard.core.key;

import java.util.Objects;

/** A freshly created key together with its secret, which is shown this one time and never stored. */
public record IssuedKey(ApiKey key, String secret) {
    public IssuedKey {
        Objects.requireNonNull(key);
        Objects.requireNonNull(secret);
    }

    @Override
    public String toString() {
        return "IssuedKey{key=" + key.id().value() + "}";
    }
}
