package io.postyard.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.hosting.HostedUserStore;
import io.postyard.core.hosting.HostedUserStoreContract;

class CassandraHostedUserStoreTest extends HostedUserStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraHostedUserStore.SCHEMA, TimeBuckets.SCHEMA, TimeIndex.SCHEMA);

    private final HostedUserStore store = new CassandraHostedUserStore(cassandra.session());

    @Override
    protected HostedUserStore store() {
        return store;
    }
}
