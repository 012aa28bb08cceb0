package io.postyard.core.webhook;

class MemoryAccountWebhookStoreTest extends AccountWebhookStoreContract {
    private final MemoryAccountWebhookStore store = new MemoryAccountWebhookStore();

    @Override
    protected AccountWebhookStore store() {
        return store;
    }
}
