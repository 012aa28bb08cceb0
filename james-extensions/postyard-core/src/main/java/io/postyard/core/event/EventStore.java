package io.postyard.core.event;

import java.util.List;
import java.util.Optional;

public interface EventStore {
    /**
     * Names the store that keeps events ({@code @Named(EventStore.RECORDS)}): the system of record, which reads its own
     * writes at once. Where the events API is served from a search index (the cassandra profile's OpenSearch), the plain
     * {@code EventStore} is that index in front of this store; readers that need every stored event, or one just
     * written (a message's {@code accepted} event, a rebuild of counters), ask this one.
     */
    String RECORDS = "event-records";

    /**
     * Stores the event unless one with its id is stored already; tells whether it was new. Appending an event whose id
     * is already stored changes nothing, so publishers may retry.
     */
    boolean append(PostyardEvent event);

    Optional<PostyardEvent> get(EventId id);

    /** The events the query matches, in its order (chronological, then by id), at most its limit. */
    List<PostyardEvent> query(EventQuery query);
}
