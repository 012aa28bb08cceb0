package io.postyard.core.dkim;

class MemoryDkimKeyStoreTest extends DkimKeyStoreContract {
    private final MemoryDkimKeyStore store = new MemoryDkimKeyStore();

    @Override
    protected DkimKeyStore store() {
        return store;
    }
}
