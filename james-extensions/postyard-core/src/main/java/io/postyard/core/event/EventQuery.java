package io.postyard.core.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.apache.james.core.Domain;

/**
 * Events of one domain within [begin, end), newest first unless ascending, optionally narrowed by type, recipient
 * and tag (an event matches when it carries any of the tags).
 */
public record EventQuery(Domain domain,
                         Instant begin,
                         Instant end,
                         Set<EventType> types,
                         Optional<String> recipient,
                         Set<String> tags,
                         boolean ascending,
                         int limit) {
    public EventQuery {
        Objects.requireNonNull(domain);
        Objects.requireNonNull(begin);
        Objects.requireNonNull(end);
        types = Set.copyOf(types);
        Objects.requireNonNull(recipient);
        tags = Set.copyOf(tags);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    public boolean matches(PostyardEvent event) {
        return event.domain().equals(domain)
            && !event.timestamp().isBefore(begin)
            && event.timestamp().isBefore(end)
            && (types.isEmpty() || types.contains(event.type()))
            && recipient.map(wanted -> event.recipient().map(wanted::equalsIgnoreCase).orElse(false)).orElse(true)
            && (tags.isEmpty() || event.tags().stream().anyMatch(tags::contains));
    }
}
