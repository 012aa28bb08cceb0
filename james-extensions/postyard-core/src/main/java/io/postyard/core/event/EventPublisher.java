package io.postyard.core.event;

import java.util.Set;

import javax.inject.Inject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores an event, then hands it to every subscriber. The store comes first so that an event a subscriber saw can
 * always be read back; a failing subscriber never stops the others.
 */
public class EventPublisher {
    private static final Logger LOGGER = LoggerFactory.getLogger(EventPublisher.class);

    private final EventStore store;
    private final Set<EventSubscriber> subscribers;

    @Inject
    public EventPublisher(EventStore store, Set<EventSubscriber> subscribers) {
        this.store = store;
        this.subscribers = Set.copyOf(subscribers);
    }

    public void publish(PostyardEvent event) {
        if (!store.append(event)) {
            // Already published: subscribers saw it then, and counting it twice would skew stats.
            return;
        }
        for (EventSubscriber subscriber : subscribers) {
            try {
                subscriber.onEvent(event);
            } catch (RuntimeException e) {
                LOGGER.error("Subscriber {} failed on event {}", subscriber.getClass().getSimpleName(), event.id().value(), e);
            }
        }
    }
}
