package io.postyard.mailgun.template;

import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.apache.james.core.Domain;

public class MemoryTemplateStore implements TemplateStore {
    private final ConcurrentHashMap<Domain, ConcurrentSkipListMap<String, MessageTemplate>> templates = new ConcurrentHashMap<>();

    private ConcurrentSkipListMap<String, MessageTemplate> of(Domain domain) {
        return templates.computeIfAbsent(domain, ignored -> new ConcurrentSkipListMap<>());
    }

    @Override
    public boolean insertIfAbsent(MessageTemplate template) {
        return of(template.domain()).putIfAbsent(template.name(), template) == null;
    }

    @Override
    public void save(MessageTemplate template) {
        of(template.domain()).put(template.name(), template);
    }

    @Override
    public Optional<MessageTemplate> get(Domain domain, String name) {
        return Optional.ofNullable(of(domain).get(name));
    }

    @Override
    public List<MessageTemplate> list(Domain domain, Optional<String> afterName, int limit) {
        NavigableMap<String, MessageTemplate> all = of(domain);
        NavigableMap<String, MessageTemplate> tail = afterName.map(name -> all.tailMap(name, false)).orElse(all);
        return tail.values().stream().limit(limit).toList();
    }

    @Override
    public boolean delete(Domain domain, String name) {
        return of(domain).remove(name) != null;
    }

    @Override
    public void deleteDomain(Domain domain) {
        templates.remove(domain);
    }
}
