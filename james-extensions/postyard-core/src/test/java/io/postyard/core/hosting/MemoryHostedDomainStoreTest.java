package io.postyard.core.hosting;

class MemoryHostedDomainStoreTest extends HostedDomainStoreContract {
    private final MemoryHostedDomainStore store = new MemoryHostedDomainStore();

    @Override
    protected HostedDomainStore store() {
        return store;
    }
}
