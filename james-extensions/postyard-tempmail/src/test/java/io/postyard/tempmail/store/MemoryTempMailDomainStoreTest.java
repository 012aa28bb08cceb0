package io.postyard.tempmail.store;

class MemoryTempMailDomainStoreTest extends TempMailDomainStoreContract {
    private final MemoryTempMailDomainStore store = new MemoryTempMailDomainStore();

    @Override
    protected TempMailDomainStore store() {
        return store;
    }
}
