package io.postyard.core.webhook;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.apache.james.core.Domain;

public class MemoryWebhookStore implements WebhookStore {
    private final ConcurrentHashMap<Domain, ConcurrentSkipListMap<String, DomainWebhook>> webhooks = new ConcurrentHashMap<>();

    private ConcurrentSkipListMap<String, DomainWebhook> of(Domain domain) {
        return webhooks.computeIfAbsent(domain, ignored -> new ConcurrentSkipListMap<>());
    }

    @Override
    public boolean insertIfAbsent(DomainWebhook webhook) {
        return of(webhook.domain()).putIfAbsent(webhook.name(), webhook) == null;
    }

    @Override
    public void save(DomainWebhook webhook) {
        of(webhook.domain()).put(webhook.name(), webhook);
    }

    @Override
    public Optional<DomainWebhook> get(Domain domain, String name) {
        return Optional.ofNullable(of(domain).get(name));
    }

    @Override
    public List<DomainWebhook> list(Domain domain) {
        return List.copyOf(of(domain).values());
    }

    @Override
    public boolean delete(Domain domain, String name) {
        return of(domain).remove(name) != null;
    }

    @Override
    public void deleteDomain(Domain domain) {
        webhooks.remove(domain);
    }
}
