package io.postyard.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.key.KeyUseStore;
import io.postyard.core.key.KeyUseStoreContract;

class CassandraKeyUseStoreTest extends KeyUseStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraKeyUseStore.SCHEMA);

    private final KeyUseStore store = new CassandraKeyUseStore(cassandra.session());

    @Override
    protected KeyUseStore store() {
        return store;
    }
}
