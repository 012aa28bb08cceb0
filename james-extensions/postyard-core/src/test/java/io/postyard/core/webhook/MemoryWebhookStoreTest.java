package io.postyard.core.webhook;

class MemoryWebhookStoreTest extends WebhookStoreContract {
    private final MemoryWebhookStore store = new MemoryWebhookStore();

    @Override
    protected WebhookStore store() {
        return store;
    }
}
