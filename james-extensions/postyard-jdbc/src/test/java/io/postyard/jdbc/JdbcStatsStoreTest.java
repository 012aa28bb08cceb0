package io.postyard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.james.core.Domain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.stats.StatsStore;
import io.postyard.core.stats.StatsStore.CounterKey;
import io.postyard.core.stats.StatsStoreContract;

class JdbcStatsStoreTest extends StatsStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcStatsStore.SCHEMA);

    private final StatsStore store = new JdbcStatsStore(database.jdbi());

    @Override
    protected StatsStore store() {
        return store;
    }

    /** Every writer finds the counter missing at first: all but one insert loses, and must add its count all the same. */
    @Test
    void concurrentIncrementsOfANewCounterLoseNoCount() throws Exception {
        Domain domain = Domain.of(UUID.randomUUID() + ".jdbc.test");
        Instant hour = Instant.parse("2026-03-31T22:00:00Z");
        CounterKey key = new CounterKey(domain, hour, "accepted.total");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> increments = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                increments.add(pool.submit(() -> store.increment(Map.of(key, 1L))));
            }
            for (Future<?> increment : increments) {
                increment.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.read(domain, hour, hour.plusSeconds(3600))).isEqualTo(Map.of(key, 200L));
    }
}
