package io.postyard.core.metrics;

import java.util.List;
import java.util.Locale;

import javax.inject.Inject;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.postyard.core.webhook.DeliveryStatus;
import io.postyard.core.webhook.WebhookOutbox;

/**
 * {@code postyard_webhook_backlog}: webhook deliveries waiting (pending), being attempted or between retries (sending),
 * and given up (dead, until replayed), read from the outbox when scraped and counted up to {@value #CAP}.
 */
public class WebhookBacklogMetrics implements MeterBinder {
    static final int CAP = 10_000;
    private static final List<DeliveryStatus> SHOWN = List.of(DeliveryStatus.PENDING, DeliveryStatus.SENDING, DeliveryStatus.DEAD);

    private final WebhookOutbox outbox;

    @Inject
    public WebhookBacklogMetrics(WebhookOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (DeliveryStatus status : SHOWN) {
            Gauge.builder("postyard.webhook.backlog", () -> count(status))
                .description("Webhook deliveries not delivered yet, by status (counted up to " + CAP + ")")
                .tag("status", status.name().toLowerCase(Locale.ROOT))
                .register(registry);
        }
    }

    private double count(DeliveryStatus status) {
        try {
            return outbox.withStatus(status, CAP).size();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
