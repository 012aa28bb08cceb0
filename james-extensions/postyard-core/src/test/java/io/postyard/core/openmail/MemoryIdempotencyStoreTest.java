package io.postyard.core.openmail;

class MemoryIdempotencyStoreTest extends IdempotencyStoreContract {
    private final MemoryIdempotencyStore store = new MemoryIdempotencyStore();

    @Override
    protected IdempotencyStore store() {
        return store;
    }
}
