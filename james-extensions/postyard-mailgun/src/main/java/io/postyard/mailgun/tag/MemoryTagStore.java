package io.postyard.mailgun.tag;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.apache.james.core.Domain;

public class MemoryTagStore implements TagStore {
    private final Map<Domain, ConcurrentSkipListMap<String, DomainTag>> tags = new ConcurrentHashMap<>();

    @Override
    public void seen(Domain domain, String tag, Instant at) {
        of(domain).merge(tag, new DomainTag(domain, tag, "", at, at), (existing, sighting) -> existing.seenAt(at));
    }

    @Override
    public Optional<DomainTag> get(Domain domain, String tag) {
        return Optional.ofNullable(of(domain).get(tag));
    }

    @Override
    public boolean describe(Domain domain, String tag, String description) {
        return of(domain).computeIfPresent(tag, (name, existing) -> existing.describedAs(description)) != null;
    }

    @Override
    public boolean delete(Domain domain, String tag) {
        return of(domain).remove(tag) != null;
    }

    @Override
    public void deleteAll(Domain domain) {
        tags.remove(domain);
    }

    @Override
    public List<DomainTag> after(Domain domain, Optional<String> after, int limit) {
        NavigableMap<String, DomainTag> view = after.map(pivot -> of(domain).tailMap(pivot, false)).orElse(of(domain));
        return view.values().stream().limit(limit).toList();
    }

    private ConcurrentSkipListMap<String, DomainTag> of(Domain domain) {
        return tags.computeIfAbsent(domain, ignored -> new ConcurrentSkipListMap<>());
    }
}
