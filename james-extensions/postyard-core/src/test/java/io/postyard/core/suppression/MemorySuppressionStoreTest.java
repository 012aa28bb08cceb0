package io.postyard.core.suppression;

class MemorySuppressionStoreTest extends SuppressionStoreContract {
    private final MemorySuppressionStore store = new MemorySuppressionStore();

    @Override
    protected SuppressionStore store() {
        return store;
    }
}
