package io.postyard.core.mailbox;

class CachedHostedMailboxStoreTest extends HostedMailboxStoreContract {
    private final HostedMailboxStore store = new CachedHostedMailboxStore(new MemoryHostedMailboxStore());

    @Override
    protected HostedMailboxStore store() {
        return store;
    }
}
