package io.postyard.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.stats.StatsStore;
import io.postyard.core.stats.StatsStoreContract;

class CassandraStatsStoreTest extends StatsStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraStatsStore.SCHEMA, TimeBuckets.SCHEMA);

    private final StatsStore store = new CassandraStatsStore(cassandra.session());

    @Override
    protected StatsStore store() {
        return store;
    }
}
