package io.postyard.camel.webhook;

import javax.inject.Inject;

import org.apache.camel.builder.RouteBuilder;

import io.postyard.core.webhook.DeliveryStatus;
import io.postyard.core.webhook.WebhookDispatcher;
import io.postyard.core.webhook.WebhookOutbox;

/** Once Camel is up, re-dispatches what the outbox still holds as pending: left by a restart, or by early events. */
public class PendingDeliveriesSweep extends RouteBuilder {
    private static final int BATCH = 100_000;

    private final WebhookOutbox outbox;
    private final WebhookDispatcher dispatcher;

    @Inject
    public PendingDeliveriesSweep(WebhookOutbox outbox, WebhookDispatcher dispatcher) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
    }

    @Override
    public void configure() {
        from("timer:postyard-webhook-sweep?repeatCount=1&delay=1000").routeId("webhook-sweep")
            .process(exchange -> outbox.withStatus(DeliveryStatus.PENDING, BATCH).forEach(delivery -> dispatcher.dispatch(delivery.id())));
    }
}
