package io.postyard.core.hosting;

class MemorySessionTokenStoreTest extends SessionTokenStoreContract {
    private final MemorySessionTokenStore store = new MemorySessionTokenStore();

    @Override
    protected SessionTokenStore store() {
        return store;
    }
}
