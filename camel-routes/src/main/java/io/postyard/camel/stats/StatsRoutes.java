package io.postyard.camel.stats;

import java.util.List;

import javax.inject.Inject;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;

import io.postyard.core.event.PostyardEvent;
import io.postyard.core.stats.StatsService;

/**
 * Counts events into hourly stats. Events are batched (at most 1,000, or what arrived within half a second) so that a
 * burst costs one store write per batch, not per event; the counters are exact once a batch is flushed.
 */
public class StatsRoutes extends RouteBuilder {
    static final String QUEUE = "seda:postyard-stats?size=500000&blockWhenFull=true";
    static final long FLUSH_MILLIS = 500;
    static final int BATCH = 1000;

    private final StatsService stats;

    @Inject
    public StatsRoutes(StatsService stats) {
        this.stats = stats;
    }

    @Override
    public void configure() {
        from(QUEUE).routeId("stats-aggregation")
            .aggregate(constant(true), new GroupedBodyAggregationStrategy())
                .completionSize(BATCH)
                .completionInterval(FLUSH_MILLIS)
            .process(exchange -> {
                @SuppressWarnings("unchecked")
                List<PostyardEvent> batch = exchange.getMessage().getBody(List.class);
                stats.record(batch);
            });
    }
}
