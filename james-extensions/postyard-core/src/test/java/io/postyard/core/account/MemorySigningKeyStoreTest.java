package io.postyard.core.account;

class MemorySigningKeyStoreTest extends SigningKeyStoreContract {
    private final MemorySigningKeyStore store = new MemorySigningKeyStore();

    @Override
    protected SigningKeyStore store() {
        return store;
    }
}
