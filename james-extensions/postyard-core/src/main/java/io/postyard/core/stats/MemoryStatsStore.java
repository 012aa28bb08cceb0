package io.postyard.core.stats;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import org.apache.james.core.Domain;

public class MemoryStatsStore implements StatsStore {
    private final ConcurrentHashMap<CounterKey, LongAdder> counters = new ConcurrentHashMap<>();

    @Override
    public void increment(Map<CounterKey, Long> increments) {
        increments.forEach((key, value) -> counters.computeIfAbsent(key, ignored -> new LongAdder()).add(value));
    }

    @Override
    public Map<CounterKey, Long> read(Domain domain, Instant from, Instant to) {
        return counters.entrySet().stream()
            .filter(entry -> entry.getKey().domain().equals(domain))
            .filter(entry -> !entry.getKey().hour().isBefore(from) && entry.getKey().hour().isBefore(to))
            .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().sum()));
    }

    @Override
    public void clear(Domain domain) {
        counters.keySet().removeIf(key -> key.domain().equals(domain));
    }
}
