package io.postyard.core.event;

import java.time.Instant;

import org.apache.james.core.Domain;

/**
 * Writes stored events into the search index that serves event queries again (the cassandra profile's OpenSearch
 * index), from the event records: the repair for events whose indexing failed, or for an index that was lost.
 */
public interface EventReindexer {
    /** How many events were read from the records, and how many of them the index refused. */
    record Result(long events, long failed) {
        public Result plus(Result other) {
            return new Result(events + other.events, failed + other.failed);
        }
    }

    /** Re-indexes the domain's events within [begin, end); indexing an event again replaces its document. */
    Result reindex(Domain domain, Instant begin, Instant end);
}
