package io.postyard.core.webhook;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.postyard.core.account.AccountId;

public class MemoryAccountWebhookStore implements AccountWebhookStore {
    private final ConcurrentHashMap<String, AccountWebhook> webhooks = new ConcurrentHashMap<>();

    @Override
    public void save(AccountWebhook webhook) {
        webhooks.put(webhook.id(), webhook);
    }

    @Override
    public Optional<AccountWebhook> get(String id) {
        return Optional.ofNullable(webhooks.get(id));
    }

    @Override
    public List<AccountWebhook> list(AccountId account, String provider) {
        return webhooks.values().stream()
            .filter(webhook -> webhook.account().equals(account) && webhook.provider().equals(provider))
            .sorted(Comparator.comparing(AccountWebhook::createdAt).thenComparing(AccountWebhook::id))
            .toList();
    }

    @Override
    public void delete(String id) {
        webhooks.remove(id);
    }
}
