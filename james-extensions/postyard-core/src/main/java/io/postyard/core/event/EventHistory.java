package io.postyard.core.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Domain;

/**
 * Finds the {@code accepted} event of a message for a recipient: later events (opens, clicks, asynchronous bounces,
 * complaints) repeat its headers, tags and variables, as Mailgun's do. It reads the event records, not a search index:
 * an open may follow its message's acceptance by less than an index's refresh.
 */
public class EventHistory {
    private static final Duration LOOKBACK = Duration.ofDays(90);

    private final EventStore events;
    private final Clock clock;

    @Inject
    public EventHistory(@Named(EventStore.RECORDS) EventStore events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public Optional<PostyardEvent> accepted(Domain domain, String messageId, Optional<String> recipient) {
        Instant now = clock.instant();
        return events.query(new EventQuery(domain, now.minus(LOOKBACK), now.plusSeconds(1), Set.of(EventType.ACCEPTED),
                recipient, Set.of(), Optional.empty(), Optional.of(messageId), Optional.empty(), Optional.empty(), false, 1))
            .stream().findFirst();
    }

    /** A later event about the same message and recipient, carrying over what the accepted one knew. */
    public PostyardEvent.Builder follow(PostyardEvent accepted, EventType type, String recipient) {
        PostyardEvent.Builder builder = PostyardEvent.builder(type, accepted.account(), accepted.domain())
            .recipient(recipient)
            .tags(accepted.tags())
            .userVariables(accepted.userVariables())
            .details(accepted.details());
        accepted.message().ifPresentOrElse(builder::message, () -> accepted.messageId().ifPresent(builder::messageId));
        return builder;
    }
}
