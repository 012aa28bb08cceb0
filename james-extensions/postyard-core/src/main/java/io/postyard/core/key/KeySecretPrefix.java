package io.postyard.core.key;

import java.util.Objects;

/**
 * The prefix a provider gives the secrets of its kind of key ({@code om_live_} for openmail), so that a key reads as
 * its provider's in logs of the client's own and in secret scanners. Kinds without one get
 * {@link ApiKeyService#DEFAULT_SECRET_PREFIX}.
 */
public record KeySecretPrefix(KeyKind kind, String prefix) {
    public KeySecretPrefix {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(prefix);
        if (!prefix.matches("[A-Za-z0-9_-]{1,16}")) {
            throw new IllegalArgumentException("A secret prefix is up to 16 letters, digits, '_' and '-': " + prefix);
        }
    }
}
