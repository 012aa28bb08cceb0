package io.postyard.webadmin;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import spark.Service;

/** {@code GET /metrics}: every meter in Prometheus's text format, for a scraper on the same host. */
public class MetricsRoutes implements Routes {
    public static final String PATH = "/metrics";

    private final PrometheusMeterRegistry registry;

    @Inject
    public MetricsRoutes(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String getBasePath() {
        return PATH;
    }

    @Override
    public void define(Service service) {
        service.get(PATH, (request, response) -> {
            response.type("text/plain; version=0.0.4; charset=utf-8");
            return registry.scrape();
        });
    }
}
