package io.postyard.core.metrics;

import javax.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.postyard.core.event.EventSubscriber;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.event.Severity;

/**
 * Counts every published event by type, domain and, for failures, severity and reason ({@code postyard_events_total}):
 * what operators alert on (delivery failures, complaints) without reading the event store.
 */
public class EventMetrics implements EventSubscriber {
    private final MeterRegistry registry;

    @Inject
    public EventMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onEvent(PostyardEvent event) {
        Counter.builder("postyard.events")
            .description("Events published, by type, domain and, for failures, severity and reason")
            .tag("event", event.type().asString())
            .tag("domain", event.domain().asString())
            .tag("severity", event.severity().map(Severity::asString).orElse(""))
            .tag("reason", event.reason().filter(reason -> reason.length() <= 64 && !reason.contains(" ")).orElse(""))
            .register(registry)
            .increment();
    }
}
