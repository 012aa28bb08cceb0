package io.postyard.core.stats;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Domain;

import io.postyard.core.event.EventPages;
import io.postyard.core.event.EventQuery;
import io.postyard.core.event.EventStore;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.event.Severity;

/**
 * Turns events into hourly counters, named after Mailgun's stats ({@code accepted.outgoing},
 * {@code failed.permanent.suppress-bounce}, ...). The counters are derived data: {@link #rebuild} recomputes them
 * from the event records (never from a search index, which may lag or miss an event).
 */
public class StatsService {
    public static final int MAX_BUCKETS = 10_000;
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

    /**
     * The domain's hourly counters from {@code start} to {@code end}, summed per bucket of {@code resolution}. Buckets
     * follow the calendar, except the first: it begins at the start (to the hour, or to the day for day and month
     * resolution), so nothing before the start is counted. A range of more than {@link #MAX_BUCKETS} is refused.
     */
    public List<StatsBucket> rollUp(Domain domain, Instant start, Instant end, StatsResolution resolution) {
        return rollUp(List.of(domain), start, end, resolution);
    }

    /** The counters of several domains (an account's), summed per bucket as for one domain. */
    public List<StatsBucket> rollUp(Collection<Domain> domains, Instant start, Instant end, StatsResolution resolution) {
        TreeMap<Instant, Map<String, Long>> buckets = emptyBuckets(start, end, resolution);
        if (buckets.isEmpty()) {
            return List.of();
        }
        for (Domain domain : domains) {
            store.read(domain, buckets.firstKey(), end).forEach((key, count) -> add(buckets, key.hour(), key.counter(), count));
        }
        return asList(buckets);
    }

    /**
     * The same counters computed from the stored events {@code filter} selects (a tag's, which have no counters of their
     * own), in the filter's range; at most {@code maxEvents} are read, the rest are left out of the count.
     */
    public List<StatsBucket> rollUpEvents(EventQuery filter, StatsResolution resolution, long maxEvents) {
        TreeMap<Instant, Map<String, Long>> buckets = emptyBuckets(filter.begin(), filter.end(), resolution);
        if (buckets.isEmpty()) {
            return List.of();
        }
        EventQuery inBuckets = new EventQuery(filter.domain(), buckets.firstKey(), filter.end(), filter.types(), filter.recipient(),
            filter.tags(), filter.from(), filter.messageId(), filter.severity(), Optional.empty(), true, REBUILD_PAGE);
        EventPages.forEach(events, inBuckets, maxEvents, page -> page.forEach(event ->
            counters(event).forEach(counter -> add(buckets, event.timestamp(), counter, 1L))));
        return asList(buckets);
    }

    private static TreeMap<Instant, Map<String, Long>> emptyBuckets(Instant start, Instant end, StatsResolution resolution) {
        TreeMap<Instant, Map<String, Long>> buckets = new TreeMap<>();
        for (Instant bucket = resolution.firstBucket(start); bucket.isBefore(end); bucket = resolution.next(bucket)) {
            buckets.put(bucket, new HashMap<>());
            if (buckets.size() > MAX_BUCKETS) {
                throw new IllegalArgumentException("The range holds more than " + MAX_BUCKETS + " buckets at this resolution");
            }
        }
        return buckets;
    }

    private static void add(TreeMap<Instant, Map<String, Long>> buckets, Instant at, String counter, long count) {
        Map.Entry<Instant, Map<String, Long>> bucket = buckets.floorEntry(at);
        if (bucket != null) {
            bucket.getValue().merge(counter, count, Long::sum);
        }
    }

    private static List<StatsBucket> asList(TreeMap<Instant, Map<String, Long>> buckets) {
        return buckets.entrySet().stream().map(bucket -> new StatsBucket(bucket.getKey(), bucket.getValue())).toList();
    }

    /** Replaces the domain's counters with ones computed from every stored event. */
    public long rebuild(Domain domain) {
        store.clear(domain);
        return EventPages.forEach(events, domain, Instant.EPOCH, Instant.now().plus(3650, ChronoUnit.DAYS), REBUILD_PAGE, this::record);
    }
}
