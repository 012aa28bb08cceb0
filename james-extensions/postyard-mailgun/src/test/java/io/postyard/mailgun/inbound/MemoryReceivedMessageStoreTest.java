package io.postyard.mailgun.inbound;

class MemoryReceivedMessageStoreTest extends ReceivedMessageStoreContract {
    private final ReceivedMessageStore store = new MemoryReceivedMessageStore();

    @Override
    protected ReceivedMessageStore store() {
        return store;
    }
}
