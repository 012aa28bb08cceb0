package io.postyard.camel.stats;

import javax.inject.Inject;

import org.apache.camel.ProducerTemplate;

import io.postyard.camel.CamelRuntime;
import io.postyard.core.event.EventSubscriber;
import io.postyard.core.event.PostyardEvent;

/** Feeds every event to the stats route; events before Camel starts are left to the rebuild from the event store. */
public class StatsEventSubscriber implements EventSubscriber {
    private final CamelRuntime camel;
    private volatile ProducerTemplate producer;

    @Inject
    public StatsEventSubscriber(CamelRuntime camel) {
        this.camel = camel;
    }

    @Override
    public void onEvent(PostyardEvent event) {
        if (!camel.context().isStarted()) {
            return;
        }
        if (producer == null) {
            producer = camel.producer();
        }
        producer.sendBody(StatsRoutes.QUEUE, event);
    }
}
