package io.postyard.core.event;

import java.util.Objects;
import java.util.UUID;

public record EventId(String value) {
    public static EventId random() {
        return new EventId(UUID.randomUUID().toString());
    }

    public EventId {
        Objects.requireNonNull(value);
        if (value.isBlank()) {
            throw new IllegalArgumentException("An event id cannot be blank");
        }
    }
}
