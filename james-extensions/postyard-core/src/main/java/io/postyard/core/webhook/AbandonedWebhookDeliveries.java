package io.postyard.core.webhook;

import java.time.Duration;

import javax.inject.Inject;

import io.postyard.core.job.TimedJob;

/**
 * Keeps this node's webhook claims its own and takes back those of stopped nodes: renews the node's lease, then hands
 * the deliveries that nodes without a lease left {@code SENDING} back to pending and dispatches them again. It runs
 * far more often than a lease lasts, so a node's lease never lapses while it runs, and a stopped node's deliveries are
 * attempted again a few minutes after its lease ended.
 */
public class AbandonedWebhookDeliveries implements TimedJob {
    private final LeasedWebhookOutbox outbox;
    private final WebhookDispatcher dispatcher;

    @Inject
    public AbandonedWebhookDeliveries(LeasedWebhookOutbox outbox, WebhookDispatcher dispatcher) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
    }

    @Override
    public String name() {
        return "webhook-outbox-leases";
    }

    @Override
    public Duration interval() {
        return outbox.lease().dividedBy(5);
    }

    @Override
    public void run() {
        outbox.renewLease();
        outbox.handBackAbandoned().forEach(dispatcher::dispatch);
    }
}
