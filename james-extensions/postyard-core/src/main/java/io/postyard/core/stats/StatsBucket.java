package io.postyard.core.stats;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** The counters of one bucket of a roll-up, by counter name ({@code accepted.outgoing}, ...); a name not here is 0. */
public record StatsBucket(Instant start, Map<String, Long> counters) {
    public StatsBucket {
        Objects.requireNonNull(start);
        counters = Map.copyOf(counters);
    }

    public long count(String counter) {
        return counters.getOrDefault(counter, 0L);
    }
}
