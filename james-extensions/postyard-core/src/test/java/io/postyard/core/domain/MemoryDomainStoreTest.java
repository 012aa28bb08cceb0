package io.postyard.core.domain;

class MemoryDomainStoreTest extends DomainStoreContract {
    private final MemoryDomainStore store = new MemoryDomainStore();

    @Override
    protected DomainStore store() {
        return store;
    }
}
