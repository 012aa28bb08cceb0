package io.postyard.core.stats;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Domain;

import io.postyard.core.event.EventPages;
import io.postyard.core.event.EventStore;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.event.Severity;

/**
 * Turns events into hourly counters, named after Mailgun's stats ({@code accepted.outgoing},
 * {@code failed.permanent.suppress-bounce}, ...). The counters are derived data: {@link #rebuild} recomputes them
 * from the event records (never from a search index, which may lag or miss an event).
 */
public class StatsService {
    private static final int REBUILD_PAGE = 10_000;

    private final StatsStore store;
    private final EventStore events;

    @Inject
    public StatsService(StatsStore store, @Named(EventStore.RECORDS) EventStore events) {
        this.store = store;
        this.events = events;
    }

    public static List<String> counters(PostyardEvent event) {
        return switch (event.type()) {
            case ACCEPTED -> List.of("accepted.outgoing", "accepted.total");
            case DELIVERED -> List.of("delivered.smtp", "delivered.total");
            case FAILED -> failed(event);
            case OPENED -> List.of("opened.total");
            case CLICKED -> List.of("clicked.total");
            case UNSUBSCRIBED -> List.of("unsubscribed.total");
            case COMPLAINED -> List.of("complained.total");
            case STORED -> List.of("stored.total");
            case REJECTED, EXPIRED -> List.of();
        };
    }

    private static List<String> failed(PostyardEvent event) {
        if (event.severity().orElse(Severity.PERMANENT) == Severity.TEMPORARY) {
            return List.of("failed.temporary.espblock");
        }
        String reason = event.reason().orElse("");
        String sub = switch (reason) {
            case "suppress-bounce", "suppress-complaint", "suppress-unsubscribe" -> reason;
            case "bounce" -> "true".equals(event.details().get("delayed")) ? "delayed-bounce" : "bounce";
            default -> "";
        };
        return sub.isEmpty() ? List.of("failed.permanent.total") : List.of("failed.permanent." + sub, "failed.permanent.total");
    }

    public static Map<StatsStore.CounterKey, Long> increments(List<PostyardEvent> batch) {
        Map<StatsStore.CounterKey, Long> increments = new HashMap<>();
        for (PostyardEvent event : batch) {
            Instant hour = event.timestamp().truncatedTo(ChronoUnit.HOURS);
            for (String counter : counters(event)) {
                increments.merge(new StatsStore.CounterKey(event.domain(), hour, counter), 1L, Long::sum);
            }
        }
        return increments;
    }

    public void record(List<PostyardEvent> batch) {
        store.increment(increments(batch));
    }

    public Map<StatsStore.CounterKey, Long> read(Domain domain, Instant from, Instant to) {
        return store.read(domain, from, to);
    }

    /** Replaces the domain's counters with ones computed from every stored event. */
    public long rebuild(Domain domain) {
        store.clear(domain);
        return EventPages.forEach(events, domain, Instant.EPOCH, Instant.now().plus(3650, ChronoUnit.DAYS), REBUILD_PAGE, this::record);
    }
}
