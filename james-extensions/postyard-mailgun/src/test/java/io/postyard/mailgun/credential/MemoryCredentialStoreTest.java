package io.postyard.mailgun.credential;

class MemoryCredentialStoreTest extends CredentialStoreContract {
    private final MemoryCredentialStore store = new MemoryCredentialStore();

    @Override
    protected CredentialStore store() {
        return store;
    }
}
