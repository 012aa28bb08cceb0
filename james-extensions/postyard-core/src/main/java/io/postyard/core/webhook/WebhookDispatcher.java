package io.postyard.core.webhook;

/** Hands a stored delivery to the delivery engine, for replays and for deliveries found pending at start-up. */
public interface WebhookDispatcher {
    void dispatch(String deliveryId);
}
