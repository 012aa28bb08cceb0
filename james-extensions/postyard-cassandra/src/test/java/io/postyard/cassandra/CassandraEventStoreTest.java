package io.postyard.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.event.EventStore;
import io.postyard.core.event.EventStoreContract;

class CassandraEventStoreTest extends EventStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraEventStore.SCHEMA, TimeBuckets.SCHEMA);

    private final EventStore store = new CassandraEventStore(cassandra.session());

    @Override
    protected EventStore store() {
        return store;
    }
}
