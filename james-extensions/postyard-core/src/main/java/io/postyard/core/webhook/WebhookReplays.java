package io.postyard.core.webhook;

import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

/**
 * Sends finished deliveries again on an operator's request. Only a delivery the engine has given up on (dead) or that
 * its receiver refused is replayed; one still pending or in flight is left to the engine, so a replay never makes a
 * second concurrent attempt.
 */
public class WebhookReplays {
    public enum Outcome { REPLAYED, IN_FLIGHT, UNKNOWN }

    private final WebhookOutbox outbox;
    private final WebhookDispatcher dispatcher;

    @Inject
    public WebhookReplays(WebhookOutbox outbox, WebhookDispatcher dispatcher) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
    }

    public Outcome replay(String deliveryId) {
        Optional<WebhookDelivery> delivery = outbox.get(deliveryId);
        if (delivery.isEmpty()) {
            return Outcome.UNKNOWN;
        }
        if (!isFinished(delivery.get())) {
            return Outcome.IN_FLIGHT;
        }
        send(delivery.get());
        return Outcome.REPLAYED;
    }

    /** Replays the subscription's dead and rejected deliveries; tells how many. */
    public int replaySubscription(String subscriptionId) {
        List<WebhookDelivery> failed = outbox.bySubscription(subscriptionId, Integer.MAX_VALUE).stream()
            .filter(delivery -> delivery.status() == DeliveryStatus.DEAD || delivery.status() == DeliveryStatus.REJECTED)
            .toList();
        failed.forEach(this::send);
        return failed.size();
    }

    private void send(WebhookDelivery delivery) {
        outbox.save(delivery.replayed());
        dispatcher.dispatch(delivery.id());
    }

    private static boolean isFinished(WebhookDelivery delivery) {
        return delivery.status() != DeliveryStatus.PENDING && delivery.status() != DeliveryStatus.SENDING;
    }
}
