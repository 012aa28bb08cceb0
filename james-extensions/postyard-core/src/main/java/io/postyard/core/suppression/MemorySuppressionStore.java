package io.postyard.core.suppression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.apache.james.core.Domain;

public class MemorySuppressionStore implements SuppressionStore {
    private record ListId(Domain domain, SuppressionType type) {
    }

    private final ConcurrentHashMap<ListId, ConcurrentSkipListMap<String, Suppression>> lists = new ConcurrentHashMap<>();

    private ConcurrentSkipListMap<String, Suppression> list(Domain domain, SuppressionType type) {
        return lists.computeIfAbsent(new ListId(domain, type), ignored -> new ConcurrentSkipListMap<>());
    }

    @Override
    public void put(Suppression suppression) {
        list(suppression.domain(), suppression.type()).put(suppression.key(), suppression);
    }

    @Override
    public Optional<Suppression> get(Domain domain, SuppressionType type, String key) {
        return Optional.ofNullable(list(domain, type).get(key));
    }

    @Override
    public boolean delete(Domain domain, SuppressionType type, String key) {
        return list(domain, type).remove(key) != null;
    }

    @Override
    public void deleteAll(Domain domain, SuppressionType type) {
        lists.remove(new ListId(domain, type));
    }

    @Override
    public List<Suppression> after(Domain domain, SuppressionType type, Optional<String> afterKey, int limit) {
        NavigableMap<String, Suppression> list = list(domain, type);
        NavigableMap<String, Suppression> tail = afterKey.map(key -> list.tailMap(key, false)).orElse(list);
        return tail.values().stream().limit(limit).toList();
    }

    @Override
    public List<Suppression> before(Domain domain, SuppressionType type, Optional<String> beforeKey, int limit) {
        NavigableMap<String, Suppression> list = list(domain, type);
        NavigableMap<String, Suppression> head = beforeKey.map(key -> list.headMap(key, false)).orElse(list);
        List<Suppression> newestFirst = new ArrayList<>(limit);
        for (Map.Entry<String, Suppression> entry : head.descendingMap().entrySet()) {
            if (newestFirst.size() == limit) {
                break;
            }
            newestFirst.add(entry.getValue());
        }
        Collections.reverse(newestFirst);
        return List.copyOf(newestFirst);
    }
}
