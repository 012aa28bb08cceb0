package io.postyard.camel;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.annotation.PreDestroy;
import javax.inject.Inject;
import javax.inject.Provider;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single Camel context of the server, living in the James JVM. Route builders are contributed through Guice, so
 * each feature adds its routes without this class knowing them.
 */
public class CamelRuntime {
    private static final Logger LOGGER = LoggerFactory.getLogger(CamelRuntime.class);
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 10;

    private final Provider<Set<RoutesBuilder>> routes;
    private final DefaultCamelContext context;

    public CamelRuntime(Set<RoutesBuilder> routes) {
        this(() -> routes);
    }

    /**
     * The routes are asked for only at {@link #start()}: they depend (through the event subscribers that feed them,
     * and the jobs they run) on services that depend on this runtime.
     */
    @Inject
    public CamelRuntime(Provider<Set<RoutesBuilder>> routes) {
        this.routes = routes;
        this.context = new DefaultCamelContext();
        this.context.getCamelContextExtension().setName("postyard");
        this.context.getShutdownStrategy().setTimeout(SHUTDOWN_TIMEOUT_SECONDS);
        this.context.getShutdownStrategy().setTimeUnit(TimeUnit.SECONDS);
    }

    public void start() throws Exception {
        for (RoutesBuilder builder : routes.get()) {
            context.addRoutes(builder);
        }
        context.start();
        LOGGER.info("Camel context started with {} routes", context.getRoutes().size());
    }

    public CamelContext context() {
        return context;
    }

    public ProducerTemplate producer() {
        return context.createProducerTemplate();
    }

    @PreDestroy
    public void stop() {
        context.stop();
    }
}
