package io.postyard.core.key;

class MemoryApiKeyStoreTest extends ApiKeyStoreContract {
    private final MemoryApiKeyStore store = new MemoryApiKeyStore();

    @Override
    protected ApiKeyStore store() {
        return store;
    }
}
