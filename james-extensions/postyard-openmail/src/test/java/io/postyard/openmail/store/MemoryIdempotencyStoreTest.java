package io.postyard.openmail.store;

class MemoryIdempotencyStoreTest extends IdempotencyStoreContract {
    private final MemoryIdempotencyStore store = new MemoryIdempotencyStore();

    @Override
    protected IdempotencyStore store() {
        return store;
    }
}
