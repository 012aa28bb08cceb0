package io.postyard.core.event;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.james.core.Domain;

/** Reads every event of a domain within [begin, end) from a store, oldest first, a page at a time, each from the last one's cursor. */
public final class EventPages {
    /** Hands each page to the consumer; returns how many events were read. */
    public static long forEach(EventStore store, Domain domain, Instant begin, Instant end, int pageSize, Consumer<List<PostyardEvent>> consumer) {
        EventQuery all = new EventQuery(domain, begin, end, Set.of(), Optional.empty(), Set.of(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), true, pageSize);
        return forEach(store, all, Long.MAX_VALUE, consumer);
    }

    /**
     * Hands each page of the events {@code filter} selects (oldest first, pages of its limit) to the consumer, stopping
     * once {@code max} or more were read; returns how many were.
     */
    public static long forEach(EventStore store, EventQuery filter, long max, Consumer<List<PostyardEvent>> consumer) {
        EventQuery first = new EventQuery(filter.domain(), filter.begin(), filter.end(), filter.types(), filter.recipient(),
            filter.tags(), filter.from(), filter.messageId(), filter.severity(), Optional.empty(), true, filter.limit());
        long count = 0;
        EventQuery next = first;
        while (count < max) {
            List<PostyardEvent> page = store.query(next);
            if (page.isEmpty()) {
                return count;
            }
            consumer.accept(page);
            count += page.size();
            next = first.after(EventCursor.of(page.get(page.size() - 1)));
        }
        return count;
    }

    private EventPages() {
    }
}
