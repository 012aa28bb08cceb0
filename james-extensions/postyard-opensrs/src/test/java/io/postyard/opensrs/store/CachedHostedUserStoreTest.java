package io.postyard.opensrs.store;

class CachedHostedUserStoreTest extends HostedUserStoreContract {
    private final HostedUserStore store = new CachedHostedUserStore(new MemoryHostedUserStore());

    @Override
    protected HostedUserStore store() {
        return store;
    }
}
