package io.postyard.webadmin;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.MetricRegistryListener;
import com.codahale.metrics.Timer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * James's own metrics (its Dropwizard registry: SMTP and IMAP commands, mailet processing, queue enqueues and
 * dequeues, mailbox operations...) in the same Prometheus page, under {@code james_}: counters and meters as counters,
 * timers as count and total time, gauges as gauges, histograms as their mean. Metrics James makes later are added as
 * they appear.
 */
public class JamesMetricsBridge implements MeterBinder {
    private static final Logger LOGGER = LoggerFactory.getLogger(JamesMetricsBridge.class);

    private final MetricRegistry james;

    @Inject
    public JamesMetricsBridge(MetricRegistry james) {
        this.james = james;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        james.addListener(new MetricRegistryListener.Base() {
            @Override
            public void onGaugeAdded(String name, Gauge<?> gauge) {
                safely(name, () -> io.micrometer.core.instrument.Gauge.builder(meterName(name), gauge, JamesMetricsBridge::value)
                    .description("James: " + name).register(registry));
            }

            @Override
            public void onCounterAdded(String name, Counter counter) {
                safely(name, () -> FunctionCounter.builder(meterName(name), counter, Counter::getCount).description("James: " + name)
                    .register(registry));
            }

            @Override
            public void onMeterAdded(String name, Meter meter) {
                safely(name, () -> FunctionCounter.builder(meterName(name), meter, Meter::getCount).description("James: " + name)
                    .register(registry));
            }

            @Override
            public void onHistogramAdded(String name, Histogram histogram) {
                safely(name, () -> io.micrometer.core.instrument.Gauge.builder(meterName(name) + ".mean", histogram,
                    h -> h.getSnapshot().getMean()).description("James: " + name).register(registry));
            }

            @Override
            public void onTimerAdded(String name, Timer timer) {
                // Dropwizard keeps no total: the count times the mean of its recent samples stands for it.
                safely(name, () -> FunctionTimer.builder(meterName(name), timer, Timer::getCount,
                    t -> t.getCount() * t.getSnapshot().getMean(), TimeUnit.NANOSECONDS).description("James: " + name).register(registry));
            }
        });
    }

    /** Two James names that read the same once made Prometheus-safe keep the first: a scrape must not fail for it. */
    private static void safely(String name, Runnable registration) {
        try {
            registration.run();
        } catch (IllegalArgumentException e) {
            LOGGER.debug("James metric {} is not bridged: {}", name, e.getMessage());
        }
    }

    private static String meterName(String jamesName) {
        return "james." + jamesName.replaceAll("[^A-Za-z0-9]+", ".").replaceAll("^\\.|\\.$", "").toLowerCase(Locale.ROOT);
    }

    private static double value(Gauge<?> gauge) {
        Object value = gauge.getValue();
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }
}
