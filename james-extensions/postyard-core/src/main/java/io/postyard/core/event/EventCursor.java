package io.postyard.core.event;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/** A position in a domain's event log: the timestamp and id of the last event a page showed. */
public record EventCursor(Instant timestamp, String eventId) {
    public static final Comparator<PostyardEvent> ORDER = Comparator.comparing(PostyardEvent::timestamp)
        .thenComparing(event -> event.id().value());

    public static EventCursor of(PostyardEvent event) {
        return new EventCursor(event.timestamp(), event.id().value());
    }

    public EventCursor {
        Objects.requireNonNull(timestamp);
        Objects.requireNonNull(eventId);
    }

    /** This position comes before the event in chronological order. */
    public boolean isBefore(PostyardEvent event) {
        int byTime = timestamp.compareTo(event.timestamp());
        return byTime < 0 || (byTime == 0 && eventId.compareTo(event.id().value()) < 0);
    }

    public boolean isAfter(PostyardEvent event) {
        int byTime = timestamp.compareTo(event.timestamp());
        return byTime > 0 || (byTime == 0 && eventId.compareTo(event.id().value()) > 0);
    }
}
