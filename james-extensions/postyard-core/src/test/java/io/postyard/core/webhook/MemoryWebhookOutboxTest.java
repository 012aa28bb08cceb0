package io.postyard.core.webhook;

class MemoryWebhookOutboxTest extends WebhookOutboxContract {
    private final MemoryWebhookOutbox store = new MemoryWebhookOutbox();

    @Override
    protected WebhookOutbox store() {
        return store;
    }
}
