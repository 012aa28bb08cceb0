package io.postyard.mailgun.tag;

class MemoryTagStoreTest extends TagStoreContract {
    private final MemoryTagStore store = new MemoryTagStore();

    @Override
    protected TagStore store() {
        return store;
    }
}
