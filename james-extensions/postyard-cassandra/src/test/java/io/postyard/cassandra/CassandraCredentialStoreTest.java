package io.postyard.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.credential.CredentialStore;
import io.postyard.core.credential.CredentialStoreContract;

class CassandraCredentialStoreTest extends CredentialStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraCredentialStore.SCHEMA);

    private final CredentialStore store = new CassandraCredentialStore(cassandra.session());

    @Override
    protected CredentialStore store() {
        return store;
    }
}
