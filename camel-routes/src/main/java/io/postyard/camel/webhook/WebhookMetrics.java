package io.postyard.camel.webhook;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code postyard_webhook_attempts_seconds}: every webhook attempt by scheme and outcome ({@code delivered},
 * {@code rejected}, {@code retried}, {@code dead}: the last failed attempt of a delivery given up), as a latency
 * histogram from the attempt's start. A growing {@code retried} or any {@code dead} is a receiver in trouble.
 */
final class WebhookMetrics {
    private final MeterRegistry registry;

    WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void attempt(String scheme, String outcome, Instant startedAt, Instant now) {
        Timer.builder("postyard.webhook.attempts")
            .description("Webhook attempts by scheme and outcome")
            .tag("scheme", scheme)
            .tag("outcome", outcome)
            .publishPercentileHistogram()
            .register(registry)
            .record(Duration.between(startedAt, now).isNegative() ? Duration.ZERO : Duration.between(startedAt, now));
    }
}
