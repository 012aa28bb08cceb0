package io.postyard.core.domain;

class CachedDomainStoreTest extends DomainStoreContract {
    private final DomainStore store = new CachedDomainStore(new MemoryDomainStore());

    @Override
    protected DomainStore store() {
        return store;
    }
}
