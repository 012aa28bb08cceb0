package io.postyard.camel.webhook;

/** Names of the Camel endpoints the delivery engine is made of. */
final class WebhookEndpoints {
    static final String QUEUE = "seda:postyard-webhooks?concurrentConsumers=16&size=200000&blockWhenFull=true";
    static final String QUEUE_PRODUCER = "seda:postyard-webhooks?size=200000&blockWhenFull=true";
    static final String DEAD = "direct:postyard-webhook-dead";
    static final String DELIVERY_ID = "PostyardDeliveryId";

    static String schemeRoute(String scheme) {
        return "direct:postyard-webhook-" + scheme;
    }

    private WebhookEndpoints() {
    }
}
