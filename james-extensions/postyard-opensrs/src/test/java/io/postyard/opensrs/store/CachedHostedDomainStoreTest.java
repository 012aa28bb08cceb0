package io.postyard.opensrs.store;

class CachedHostedDomainStoreTest extends HostedDomainStoreContract {
    private final HostedDomainStore store = new CachedHostedDomainStore(new MemoryHostedDomainStore());

    @Override
    protected HostedDomainStore store() {
        return store;
    }
}
