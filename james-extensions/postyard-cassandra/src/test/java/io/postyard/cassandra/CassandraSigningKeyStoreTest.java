package io.postyard.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.account.SigningKeyStore;
import io.postyard.core.account.SigningKeyStoreContract;

class CassandraSigningKeyStoreTest extends SigningKeyStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraSigningKeyStore.SCHEMA);

    private final SigningKeyStore store = new CassandraSigningKeyStore(cassandra.session());

    @Override
    protected SigningKeyStore store() {
        return store;
    }
}
