package io.postyard.opensearch;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Domain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.postyard.core.event.EventPages;
import io.postyard.core.event.EventReindexer;
import io.postyard.core.event.EventStore;

/**
 * Reads a domain's events from the records, oldest first, and indexes them a bulk request per page. Documents keep
 * their ids, so re-indexing what the index already holds changes nothing, and events published meanwhile are indexed
 * by their publication as usual.
 */
public class OpenSearchEventReindexer implements EventReindexer {
    private static final Logger LOGGER = LoggerFactory.getLogger(OpenSearchEventReindexer.class);
    // Events per bulk request: a few hundred kilobytes.
    static final int PAGE = 500;

    private final EventStore records;
    private final OpenSearchEventIndex index;

    @Inject
    public OpenSearchEventReindexer(@Named(EventStore.RECORDS) EventStore records, OpenSearchEventIndex index) {
        this.records = records;
        this.index = index;
    }

    @Override
    public Result reindex(Domain domain, Instant begin, Instant end) {
        AtomicLong failed = new AtomicLong();
        long events = EventPages.forEach(records, domain, begin, end, PAGE, page -> failed.addAndGet(index.index(page)));
        LOGGER.info("Re-indexed {} events of {} between {} and {}; {} refused", events, domain.asString(), begin, end, failed.get());
        return new Result(events, failed.get());
    }
}
