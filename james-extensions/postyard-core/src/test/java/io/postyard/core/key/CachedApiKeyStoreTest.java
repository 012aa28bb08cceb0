package io.postyard.core.key;

class CachedApiKeyStoreTest extends ApiKeyStoreContract {
    private final ApiKeyStore store = new CachedApiKeyStore(new MemoryApiKeyStore());

    @Override
    protected ApiKeyStore store() {
        return store;
    }
}
