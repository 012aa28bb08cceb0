package io.postyard.jdbc;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import io.postyard.core.stats.StatsStore;

/**
 * Hourly counters, a row per domain, hour and counter. An increment adds in the database ({@code total = total + n}),
 * so concurrent ones never lose each other's counts; a counter's first increment inserts its row. Unlike Cassandra's
 * counters, a deleted row counts again from nothing, so clearing a domain for a rebuild is a plain delete.
 */
public class JdbcStatsStore implements StatsStore {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("stats");

    private final Jdbi jdbi;

    @Inject
    public JdbcStatsStore(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcStatsStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void increment(Map<CounterKey, Long> increments) {
        increments.forEach((key, count) -> RowWrites.upsert(jdbi, handle -> add(handle, key, count), handle -> insert(handle, key, count)));
    }

    @Override
    public Map<CounterKey, Long> read(Domain domain, Instant from, Instant to) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT hour_start, counter, total FROM stats_counters "
                + "WHERE domain = :domain AND hour_start >= :from AND hour_start < :to")
            .bind("domain", domain.asString())
            .bind("from", EpochMillis.ceil(from))
            .bind("to", EpochMillis.ceil(to))
            .map((row, context) -> Map.entry(new CounterKey(domain, Instant.ofEpochMilli(row.getLong("hour_start")), row.getString("counter")),
                row.getLong("total")))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Override
    public void clear(Domain domain) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM stats_counters WHERE domain = :domain")
            .bind("domain", domain.asString())
            .execute());
    }

    private static int add(Handle handle, CounterKey key, long count) {
        return handle.createUpdate("UPDATE stats_counters SET total = total + :count "
                + "WHERE domain = :domain AND hour_start = :hour AND counter = :counter")
            .bind("count", count)
            .bind("domain", key.domain().asString())
            .bind("hour", key.hour().toEpochMilli())
            .bind("counter", key.counter())
            .execute();
    }

    private static void insert(Handle handle, CounterKey key, long count) {
        handle.createUpdate("INSERT INTO stats_counters (domain, hour_start, counter, total) VALUES (:domain, :hour, :counter, :count)")
            .bind("domain", key.domain().asString())
            .bind("hour", key.hour().toEpochMilli())
            .bind("counter", key.counter())
            .bind("count", count)
            .execute();
    }
}
