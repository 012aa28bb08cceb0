package io.postyard.mailets;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.postyard.core.event.EventPublisher;
import io.postyard.core.event.EventSubscriber;
import io.postyard.core.event.EventType;
import io.postyard.core.event.MemoryEventStore;
import io.postyard.core.event.PostyardEvent;

/** The real publisher over a memory store, with a subscriber that keeps what was published, in order. */
final class RecordedEvents {
    private final List<PostyardEvent> published = new CopyOnWriteArrayList<>();

    final MemoryEventStore store = new MemoryEventStore();
    final EventPublisher publisher = new EventPublisher(store, Set.<EventSubscriber>of(published::add));
    final OutboundEvents outbound = new OutboundEvents(publisher);

    List<PostyardEvent> all() {
        return List.copyOf(published);
    }

    List<PostyardEvent> ofType(EventType type) {
        return published.stream().filter(event -> event.type() == type).toList();
    }

    List<String> recipientsOf(EventType type) {
        return ofType(type).stream().map(event -> event.recipient().orElseThrow()).toList();
    }
}
