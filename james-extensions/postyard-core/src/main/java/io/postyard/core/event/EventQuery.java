package io.postyard.core.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.apache.james.core.Domain;

/**
 * Events of one domain within [begin, end), newest first unless ascending, optionally narrowed by type, recipient
 * and tag (an event matches when it carries any of the tags), From ({@link FromFilter}), Message-ID and severity.
 */
public record EventQuery(Domain domain,
                         Instant begin,
                         Instant end,
                         Set<EventType> types,
                         Optional<String> recipient,
                         Set<String> tags,
                         Optional<String> from,
                         Optional<String> messageId,
                         Optional<Severity> severity,
                         Optional<EventCursor> after,
                         boolean ascending,
                         int limit) {
    public EventQuery {
        Objects.requireNonNull(domain);
        Objects.requireNonNull(begin);
        Objects.requireNonNull(end);
        types = Set.copyOf(types);
        Objects.requireNonNull(recipient);
        tags = Set.copyOf(tags);
        Objects.requireNonNull(from);
        Objects.requireNonNull(messageId);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(after);
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
            && (tags.isEmpty() || event.tags().stream().anyMatch(tags::contains))
            && from.map(wanted -> event.message().flatMap(MessageSummary::from).map(actual -> FromFilter.matches(wanted, actual))
                .orElse(false)).orElse(true)
            && messageId.map(wanted -> event.messageId().map(actual -> bareMessageId(actual).equals(bareMessageId(wanted)))
                .orElse(false)).orElse(true)
            && severity.map(wanted -> event.severity().map(wanted::equals).orElse(false)).orElse(true)
            && after.map(cursor -> ascending ? cursor.isBefore(event) : cursor.isAfter(event)).orElse(true);
    }

    /** A Message-ID without its angle brackets: queries match it with or without them. */
    public static String bareMessageId(String messageId) {
        String trimmed = messageId.trim();
        return trimmed.startsWith("<") && trimmed.endsWith(">") ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }

    public EventQuery after(EventCursor cursor) {
        return new EventQuery(domain, begin, end, types, recipient, tags, from, messageId, severity, Optional.of(cursor),
            ascending, limit);
    }
}
