package io.postyard.webadmin;

import java.util.Set;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;

import org.apache.james.webadmin.Routes;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.postyard.core.event.EventSubscriber;
import io.postyard.core.metrics.EventMetrics;
import io.postyard.core.metrics.QueueMetrics;
import io.postyard.core.metrics.WebhookBacklogMetrics;

/**
 * One Micrometer registry for the whole server, in Prometheus's format, scraped from WebAdmin's {@code /metrics}
 * (bound to 127.0.0.1 like the rest of WebAdmin): the JVM, James's queues, Postyard's events and API answers.
 */
public class MetricsModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), Routes.class).addBinding().to(MetricsRoutes.class);
        Multibinder.newSetBinder(binder(), EventSubscriber.class).addBinding().to(EventMetrics.class);
        Multibinder<MeterBinder> binders = Multibinder.newSetBinder(binder(), MeterBinder.class);
        binders.addBinding().to(QueueMetrics.class);
        binders.addBinding().to(WebhookBacklogMetrics.class);
        binders.addBinding().to(JamesMetricsBridge.class);
        binders.addBinding().toInstance(new JvmMemoryMetrics());
        binders.addBinding().toInstance(new JvmGcMetrics());
        binders.addBinding().toInstance(new JvmThreadMetrics());
        binders.addBinding().toInstance(new ClassLoaderMetrics());
        binders.addBinding().toInstance(new ProcessorMetrics());
        binders.addBinding().toInstance(new UptimeMetrics());
    }

    @Provides
    @Singleton
    PrometheusMeterRegistry prometheus(Set<MeterBinder> binders) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        binders.forEach(binder -> binder.bindTo(registry));
        return registry;
    }

    @Provides
    @Singleton
    MeterRegistry meterRegistry(PrometheusMeterRegistry prometheus) {
        return prometheus;
    }
}
