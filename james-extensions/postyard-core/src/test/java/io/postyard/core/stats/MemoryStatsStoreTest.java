package io.postyard.core.stats;

class MemoryStatsStoreTest extends StatsStoreContract {
    private final MemoryStatsStore store = new MemoryStatsStore();

    @Override
    protected StatsStore store() {
        return store;
    }
}
