package io.postyard.core.dkim;

class CachedDkimKeyStoreTest extends DkimKeyStoreContract {
    private final DkimKeyStore store = new CachedDkimKeyStore(new MemoryDkimKeyStore());

    @Override
    protected DkimKeyStore store() {
        return store;
    }
}
