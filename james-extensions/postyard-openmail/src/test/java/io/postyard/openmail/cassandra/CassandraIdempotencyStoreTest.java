package io.postyard.openmail.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.cassandra.CassandraKeyspace;
import io.postyard.cassandra.TimeBuckets;
import io.postyard.cassandra.TimeIndex;
import io.postyard.openmail.store.IdempotencyStore;
import io.postyard.openmail.store.IdempotencyStoreContract;

class CassandraIdempotencyStoreTest extends IdempotencyStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraIdempotencyStore.SCHEMA, TimeBuckets.SCHEMA, TimeIndex.SCHEMA);

    private final IdempotencyStore store = new CassandraIdempotencyStore(cassandra.session());

    @Override
    protected IdempotencyStore store() {
        return store;
    }
}
