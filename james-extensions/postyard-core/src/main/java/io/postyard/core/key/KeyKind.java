package io.postyard.core.key;

import java.util.Objects;

/**
 * What a key is for. Kinds are open: each provider module declares the kinds it issues, and stores persist only
 * {@link #name()}.
 */
public record KeyKind(String name) {
    /** Every endpoint of every provider, for the whole account. */
    public static final KeyKind PRIMARY = new KeyKind("primary");
    /** Sending and reading for the single domain of its scope. */
    public static final KeyKind DOMAIN_SENDING = new KeyKind("domain_sending");

    public KeyKind {
        Objects.requireNonNull(name);
        if (!name.matches("[a-z][a-z0-9_]{0,31}")) {
            throw new IllegalArgumentException("A key kind is lower-case letters, digits and underscores: " + name);
        }
    }
}
