package io.postyard.opensrs.store;

class MemoryHostedCompanyStoreTest extends HostedCompanyStoreContract {
    private final MemoryHostedCompanyStore store = new MemoryHostedCompanyStore();

    @Override
    protected HostedCompanyStore store() {
        return store;
    }
}
