package io.postyard.opensearch;

import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.postyard.core.event.EventId;
import io.postyard.core.event.EventQuery;
import io.postyard.core.event.EventStore;
import io.postyard.core.event.PostyardEvent;

/**
 * The events of the cassandra profile: kept in the event records (Cassandra), which are the truth, and indexed in
 * OpenSearch, which answers queries (the events API). Reads by id go to the records.
 * <p>
 * An event is stored first, then indexed. When indexing fails (OpenSearch down, a refused document), the event is
 * nevertheless stored, published and counted: the failure is logged and the event is missing from query results until
 * {@code POST /postyard/events/reindex} writes it from the records. A retried publication of a stored event indexes
 * the stored version again, which also repairs an index write that failed the first time.
 */
public class IndexedEventStore implements EventStore {
    private static final Logger LOGGER = LoggerFactory.getLogger(IndexedEventStore.class);

    private final EventStore records;
    private final OpenSearchEventIndex index;

    @Inject
    public IndexedEventStore(@Named(EventStore.RECORDS) EventStore records, OpenSearchEventIndex index) {
        this.records = records;
        this.index = index;
    }

    @Override
    public boolean append(PostyardEvent event) {
        boolean isNew = records.append(event);
        Optional<PostyardEvent> stored = isNew ? Optional.of(event) : records.get(event.id());
        stored.ifPresent(this::index);
        return isNew;
    }

    private void index(PostyardEvent event) {
        try {
            index.index(event);
        } catch (RuntimeException e) {
            // One line per event, without the stack: while OpenSearch is down, every event fails the same way.
            LOGGER.warn("Event {} of {} is stored but not indexed ({}); POST /postyard/events/reindex writes it to the index",
                event.id().value(), event.domain().asString(), e.toString());
        }
    }

    @Override
    public Optional<PostyardEvent> get(EventId id) {
        return records.get(id);
    }

    @Override
    public List<PostyardEvent> query(EventQuery query) {
        return index.search(query);
    }
}
