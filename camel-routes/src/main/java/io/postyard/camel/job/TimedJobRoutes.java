package io.postyard.camel.job;

import java.util.Set;

import javax.inject.Inject;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import io.postyard.core.job.TimedJob;

/** One Camel timer per registered job; a failing run is logged and the next one still comes. */
public class TimedJobRoutes extends RouteBuilder {
    private final Set<TimedJob> jobs;

    @Inject
    public TimedJobRoutes(Set<TimedJob> jobs) {
        this.jobs = Set.copyOf(jobs);
    }

    @Override
    public void configure() {
        onException(Exception.class).handled(true).log(LoggingLevel.WARN, "Timed job failed: ${exception.message}");
        for (TimedJob job : jobs) {
            long period = Math.max(1, job.interval().toMillis());
            from("timer:postyard-job-" + job.name() + "?period=" + period + "&delay=" + period)
                .routeId("job-" + job.name())
                .process(exchange -> job.run());
        }
    }
}
