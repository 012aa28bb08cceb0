package io.postyard.opensrs.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.cassandra.CassandraKeyspace;
import io.postyard.cassandra.TimeBuckets;
import io.postyard.cassandra.TimeIndex;
import io.postyard.opensrs.store.SessionTokenStore;
import io.postyard.opensrs.store.SessionTokenStoreContract;

class CassandraSessionTokenStoreTest extends SessionTokenStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraSessionTokenStore.SCHEMA, TimeBuckets.SCHEMA, TimeIndex.SCHEMA);

    private final SessionTokenStore store = new CassandraSessionTokenStore(cassandra.session());

    @Override
    protected SessionTokenStore store() {
        return store;
    }
}
