package io.postyard.core.mailbox;

import java.util.Locale;
import java.util.Optional;

/** Whether a hosted mailbox lives until deleted or until its expiry. */
public enum Lifetime {
    PERMANENT,
    TEMPORARY;

    public String asString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Lifetime> parse(String value) {
        for (Lifetime lifetime : values()) {
            if (lifetime.asString().equalsIgnoreCase(value)) {
                return Optional.of(lifetime);
            }
        }
        return Optional.empty();
    }
}
