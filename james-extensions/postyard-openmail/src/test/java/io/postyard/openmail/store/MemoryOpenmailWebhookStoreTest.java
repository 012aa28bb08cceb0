package io.postyard.openmail.store;

class MemoryOpenmailWebhookStoreTest extends OpenmailWebhookStoreContract {
    private final MemoryOpenmailWebhookStore store = new MemoryOpenmailWebhookStore();

    @Override
    protected OpenmailWebhookStore store() {
        return store;
    }
}
