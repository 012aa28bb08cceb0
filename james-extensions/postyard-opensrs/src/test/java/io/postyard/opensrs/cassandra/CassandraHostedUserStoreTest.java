package io.postyard.opensrs.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.cassandra.CassandraKeyspace;
import io.postyard.cassandra.TimeBuckets;
import io.postyard.cassandra.TimeIndex;
import io.postyard.opensrs.store.HostedUserStore;
import io.postyard.opensrs.store.HostedUserStoreContract;

class CassandraHostedUserStoreTest extends HostedUserStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraHostedUserStore.SCHEMA, TimeBuckets.SCHEMA, TimeIndex.SCHEMA);

    private final HostedUserStore store = new CassandraHostedUserStore(cassandra.session());

    @Override
    protected HostedUserStore store() {
        return store;
    }
}
