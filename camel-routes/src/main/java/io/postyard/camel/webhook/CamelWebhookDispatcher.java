package io.postyard.camel.webhook;

import javax.inject.Inject;

import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.postyard.camel.CamelRuntime;
import io.postyard.core.webhook.WebhookDispatcher;

/**
 * Puts a delivery on the engine's queue. Before Camel has started the delivery simply stays pending in the outbox,
 * where the start-up sweep finds it.
 */
public class CamelWebhookDispatcher implements WebhookDispatcher {
    private static final Logger LOGGER = LoggerFactory.getLogger(CamelWebhookDispatcher.class);

    private final CamelRuntime camel;
    private volatile ProducerTemplate producer;

    @Inject
    public CamelWebhookDispatcher(CamelRuntime camel) {
        this.camel = camel;
    }

    @Override
    public void dispatch(String deliveryId) {
        if (!camel.context().isStarted()) {
            return;
        }
        try {
            producer().sendBody(WebhookEndpoints.QUEUE_PRODUCER, deliveryId);
        } catch (RuntimeException e) {
            LOGGER.warn("Delivery {} stays pending: {}", deliveryId, e.getMessage());
        }
    }

    private ProducerTemplate producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = camel.producer();
                }
            }
        }
        return producer;
    }
}
