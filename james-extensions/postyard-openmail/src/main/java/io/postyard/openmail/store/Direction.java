package io.postyard.openmail.store;

import java.util.Locale;
import java.util.Optional;

/** Whether a message of a thread came into the inbox or was sent from it. */
public enum Direction {
    INBOUND,
    OUTBOUND;

    public String asString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Direction> parse(String value) {
        for (Direction direction : values()) {
            if (direction.asString().equals(value)) {
                return Optional.of(direction);
            }
        }
        return Optional.empty();
    }
}
