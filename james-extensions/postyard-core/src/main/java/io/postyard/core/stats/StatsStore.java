package io.postyard.core.stats;

import java.time.Instant;
import java.util.Map;

import org.apache.james.core.Domain;

/** Event counters per domain, hour and counter name; {@link StatsService} decides the names. */
public interface StatsStore {
    record CounterKey(Domain domain, Instant hour, String counter) {
    }

    void increment(Map<CounterKey, Long> increments);

    /** Counters of the domain whose hour lies in [from, to). */
    Map<CounterKey, Long> read(Domain domain, Instant from, Instant to);

    void clear(Domain domain);
}
