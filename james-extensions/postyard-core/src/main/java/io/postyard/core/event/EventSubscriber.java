package io.postyard.core.event;

/** Receives every published event after it is stored; webhook and stats routes are subscribers. */
public interface EventSubscriber {
    void onEvent(PostyardEvent event);
}
