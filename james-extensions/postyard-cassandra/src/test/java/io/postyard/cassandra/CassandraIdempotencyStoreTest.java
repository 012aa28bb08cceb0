package io.postyard.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.openmail.IdempotencyStore;
import io.postyard.core.openmail.IdempotencyStoreContract;

class CassandraIdempotencyStoreTest extends IdempotencyStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraIdempotencyStore.SCHEMA, TimeBuckets.SCHEMA, TimeIndex.SCHEMA);

    private final IdempotencyStore store = new CassandraIdempotencyStore(cassandra.session());

    @Override
    protected IdempotencyStore store() {
        return store;
    }
}
