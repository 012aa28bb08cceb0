package io.postyard.core.webhook;

import java.time.Clock;
import java.time.Duration;

import javax.inject.Inject;

import io.postyard.core.job.TimedJob;

/**
 * Keeps the outbox from growing without end: deliveries that finished (delivered or rejected) are kept a week for
 * the admin views, then forgotten. Dead letters are kept until replayed.
 */
public class WebhookOutboxPruning implements TimedJob {
    static final Duration RETENTION = Duration.ofDays(7);

    private final WebhookOutbox outbox;
    private final Clock clock;

    @Inject
    public WebhookOutboxPruning(WebhookOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "webhook-outbox-pruning";
    }

    @Override
    public Duration interval() {
        return Duration.ofHours(1);
    }

    @Override
    public void run() {
        outbox.purgeFinishedBefore(clock.instant().minus(RETENTION));
    }
}
