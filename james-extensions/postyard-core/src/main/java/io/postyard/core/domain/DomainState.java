package io.postyard.core.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum DomainState {
    UNVERIFIED,
    ACTIVE,
    DISABLED;

    public static Optional<DomainState> parse(String value) {
        return Arrays.stream(values())
            .filter(state -> state.asString().equals(value.trim().toLowerCase(Locale.ROOT)))
            .findFirst();
    }

    public String asString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
