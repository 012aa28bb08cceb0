package io.postyard.core.account;

class MemoryAccountStoreTest extends AccountStoreContract {
    private final MemoryAccountStore store = new MemoryAccountStore();

    @Override
    protected AccountStore store() {
        return store;
    }
}
