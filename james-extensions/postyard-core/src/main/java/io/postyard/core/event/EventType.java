package io.postyard.core.event;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The life-cycle steps of a message, named as Mailgun names them; the other providers map onto these. */
public enum EventType {
    ACCEPTED,
    REJECTED,
    DELIVERED,
    FAILED,
    OPENED,
    CLICKED,
    UNSUBSCRIBED,
    COMPLAINED,
    STORED,
    /** Not a step of a message: a temporary hosted mailbox reached its expiry and was removed with its mail. */
    EXPIRED;

    public static Optional<EventType> parse(String value) {
        return Arrays.stream(values())
            .filter(type -> type.asString().equals(value.trim().toLowerCase(Locale.ROOT)))
            .findFirst();
    }

    public String asString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
