package io.postyard.cassandra;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Domain;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;

import io.postyard.core.stats.StatsStore;

/**
 * Hourly counters in Cassandra {@code counter} columns, one partition per domain and month (about 720 hours of a
 * dozen counters), so a read of any range touches only its months, listed by {@link TimeBuckets}.
 * <p>
 * Cassandra cannot reliably count again a counter it deleted, yet a rebuild clears a domain and counts again. So each
 * domain's counters belong to a generation: clearing moves the domain to the next generation, whose counters start
 * from nothing, and then deletes the old generation's partitions.
 */
public class CassandraStatsStore implements StatsStore {
    public static final SchemaMigration SCHEMA = new SchemaMigration("stats", 1, List.of(
        "CREATE TABLE IF NOT EXISTS stats_generations (domain text PRIMARY KEY, generation int)",
        "CREATE TABLE IF NOT EXISTS stats_counters (domain text, generation int, month timestamp, hour timestamp, counter text, "
            + "value counter, PRIMARY KEY ((domain, generation, month), hour, counter))"));

    private final CqlSession session;
    private final TimeBuckets months;
    private final PreparedStatement selectGeneration;
    private final PreparedStatement updateGeneration;
    private final PreparedStatement increment;
    private final PreparedStatement select;
    private final PreparedStatement deleteMonth;

    @Inject
    public CassandraStatsStore(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
        this.months = new TimeBuckets(session);
        this.selectGeneration = session.prepare("SELECT generation FROM stats_generations WHERE domain = ?");
        this.updateGeneration = session.prepare("INSERT INTO stats_generations (domain, generation) VALUES (?, ?)");
        this.increment = session.prepare("UPDATE stats_counters SET value = value + ? WHERE domain = ? AND generation = ? AND month = ? "
            + "AND hour = ? AND counter = ?");
        this.select = session.prepare("SELECT hour, counter, value FROM stats_counters WHERE domain = ? AND generation = ? AND month = ? "
            + "AND hour >= ? AND hour < ?");
        this.deleteMonth = session.prepare("DELETE FROM stats_counters WHERE domain = ? AND generation = ? AND month = ?");
    }

    @Override
    public void increment(Map<CounterKey, Long> increments) {
        Map<Domain, List<CounterKey>> byDomain = increments.keySet().stream().collect(Collectors.groupingBy(CounterKey::domain));
        byDomain.forEach((domain, keys) -> {
            int generation = generation(domain);
            Set<Instant> touched = new HashSet<>();
            keys.forEach(key -> touched.add(TimeBucket.MONTH.of(key.hour())));
            touched.forEach(month -> months.add(scope(domain, generation), month));
            CompletableFuture.allOf(keys.stream()
                .map(key -> session.executeAsync(increment.bind(increments.get(key), domain.asString(), generation,
                    TimeBucket.MONTH.of(key.hour()), key.hour(), key.counter())).toCompletableFuture())
                .toArray(CompletableFuture[]::new)).join();
        });
    }

    @Override
    public Map<CounterKey, Long> read(Domain domain, Instant from, Instant to) {
        Map<CounterKey, Long> counters = new HashMap<>();
        if (!from.isBefore(to)) {
            return counters;
        }
        int generation = generation(domain);
        for (Instant month : months.between(scope(domain, generation), TimeBucket.MONTH.of(from), TimeBucket.MONTH.of(to.minusMillis(1)), false)) {
            session.execute(select.bind(domain.asString(), generation, month, from, to))
                .forEach(row -> counters.put(new CounterKey(domain, row.getInstant("hour"), row.getString("counter")), row.getLong("value")));
        }
        return counters;
    }

    @Override
    public void clear(Domain domain) {
        int generation = generation(domain);
        session.execute(updateGeneration.bind(domain.asString(), generation + 1));
        String scope = scope(domain, generation);
        months.all(scope).forEach(month -> session.execute(deleteMonth.bind(domain.asString(), generation, month)));
        months.removeScope(scope);
    }

    private int generation(Domain domain) {
        return CqlRows.one(session.execute(selectGeneration.bind(domain.asString())), row -> row.getInt("generation")).orElse(0);
    }

    private static String scope(Domain domain, int generation) {
        return "stats:" + domain.asString() + ":" + generation;
    }
}
