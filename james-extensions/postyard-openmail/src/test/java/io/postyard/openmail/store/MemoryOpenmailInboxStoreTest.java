package io.postyard.openmail.store;

class MemoryOpenmailInboxStoreTest extends OpenmailInboxStoreContract {
    private final MemoryOpenmailInboxStore store = new MemoryOpenmailInboxStore();

    @Override
    protected OpenmailInboxStore store() {
        return store;
    }
}
