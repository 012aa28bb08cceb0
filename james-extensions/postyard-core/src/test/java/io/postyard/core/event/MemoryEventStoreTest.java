package io.postyard.core.event;

class MemoryEventStoreTest extends EventStoreContract {
    private final MemoryEventStore store = new MemoryEventStore();

    @Override
    protected EventStore store() {
        return store;
    }
}
