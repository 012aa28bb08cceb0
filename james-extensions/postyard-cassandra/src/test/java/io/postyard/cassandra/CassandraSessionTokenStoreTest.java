package io.postyard.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.hosting.SessionTokenStore;
import io.postyard.core.hosting.SessionTokenStoreContract;

class CassandraSessionTokenStoreTest extends SessionTokenStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraSessionTokenStore.SCHEMA, TimeBuckets.SCHEMA, TimeIndex.SCHEMA);

    private final SessionTokenStore store = new CassandraSessionTokenStore(cassandra.session());

    @Override
    protected SessionTokenStore store() {
        return store;
    }
}
