package io.postyard.opensrs.store;

class MemoryHostedDomainStoreTest extends HostedDomainStoreContract {
    private final MemoryHostedDomainStore store = new MemoryHostedDomainStore();

    @Override
    protected HostedDomainStore store() {
        return store;
    }
}
