package io.postyard.opensrs.store;

class MemorySessionTokenStoreTest extends SessionTokenStoreContract {
    private final MemorySessionTokenStore store = new MemorySessionTokenStore();

    @Override
    protected SessionTokenStore store() {
        return store;
    }
}
