package io.postyard.core.event;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public class MemoryEventStore implements EventStore {
    private static final Comparator<PostyardEvent> CHRONOLOGICAL = EventCursor.ORDER;

    private final ConcurrentHashMap<EventId, PostyardEvent> events = new ConcurrentHashMap<>();

    @Override
    public boolean append(PostyardEvent event) {
        return events.putIfAbsent(event.id(), event) == null;
    }

    @Override
    public Optional<PostyardEvent> get(EventId id) {
        return Optional.ofNullable(events.get(id));
    }

    @Override
    public List<PostyardEvent> query(EventQuery query) {
        return events.values().stream()
            .filter(query::matches)
            .sorted(query.ascending() ? CHRONOLOGICAL : CHRONOLOGICAL.reversed())
            .limit(query.limit())
            .toList();
    }
}
