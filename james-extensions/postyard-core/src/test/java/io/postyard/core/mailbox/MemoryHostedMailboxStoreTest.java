package io.postyard.core.mailbox;

class MemoryHostedMailboxStoreTest extends HostedMailboxStoreContract {
    private final MemoryHostedMailboxStore store = new MemoryHostedMailboxStore();

    @Override
    protected HostedMailboxStore store() {
        return store;
    }
}
