package io.postyard.core.event;

import java.util.List;
import java.util.Optional;

public interface EventStore {
    /** Appending an event whose id is already stored changes nothing, so publishers may retry. */
    /** Stores the event unless one with its id is stored already; tells whether it was new. */
    boolean append(PostyardEvent event);

    Optional<PostyardEvent> get(EventId id);

    List<PostyardEvent> query(EventQuery query);
}
