package io.postyard.core.event;

import java.util.List;
import java.util.Optional;

public interface EventStore {
    /**
     * Stores the event unless one with its id is stored already; tells whether it was new. Appending an event whose id
     * is already stored changes nothing, so publishers may retry.
     */
    boolean append(PostyardEvent event);

    Optional<PostyardEvent> get(EventId id);

    /** The events the query matches, in its order (chronological, then by id), at most its limit. */
    List<PostyardEvent> query(EventQuery query);
}
