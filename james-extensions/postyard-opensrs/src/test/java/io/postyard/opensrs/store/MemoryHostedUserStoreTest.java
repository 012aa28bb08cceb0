package io.postyard.opensrs.store;

class MemoryHostedUserStoreTest extends HostedUserStoreContract {
    private final MemoryHostedUserStore store = new MemoryHostedUserStore();

    @Override
    protected HostedUserStore store() {
        return store;
    }
}
