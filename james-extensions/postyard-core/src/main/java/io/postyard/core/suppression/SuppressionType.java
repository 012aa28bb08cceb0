package io.postyard.core.suppression;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The per-domain lists. The first three stop delivery to an address; the whitelist exempts from them. */
public enum SuppressionType {
    BOUNCES,
    COMPLAINTS,
    UNSUBSCRIBES,
    WHITELISTS;

    public static Optional<SuppressionType> parse(String value) {
        return Arrays.stream(values())
            .filter(type -> type.asString().equals(value))
            .findFirst();
    }

    public String asString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
