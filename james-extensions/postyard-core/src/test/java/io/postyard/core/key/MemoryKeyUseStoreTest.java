package io.postyard.core.key;

class MemoryKeyUseStoreTest extends KeyUseStoreContract {
    private final KeyUseStore store = new MemoryKeyUseStore();

    @Override
    protected KeyUseStore store() {
        return store;
    }
}
