package io.postyard.core.suppression;

import java.util.Objects;
import java.util.Optional;

/** Which page of a list: the first, the last, or the one right after or before a known key. */
public record PageRequest(Position position, Optional<String> pivot, int limit) {
    public enum Position {
        FIRST,
        LAST,
        NEXT,
        PREVIOUS
    }

    public static PageRequest first(int limit) {
        return new PageRequest(Position.FIRST, Optional.empty(), limit);
    }

    public PageRequest {
        Objects.requireNonNull(position);
        Objects.requireNonNull(pivot);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        if ((position == Position.NEXT || position == Position.PREVIOUS) && pivot.isEmpty()) {
            throw new IllegalArgumentException(position + " needs the key to page from");
        }
    }
}
