package io.postyard.core.openmail;

class MemoryOpenmailWebhookStoreTest extends OpenmailWebhookStoreContract {
    private final MemoryOpenmailWebhookStore store = new MemoryOpenmailWebhookStore();

    @Override
    protected OpenmailWebhookStore store() {
        return store;
    }
}
