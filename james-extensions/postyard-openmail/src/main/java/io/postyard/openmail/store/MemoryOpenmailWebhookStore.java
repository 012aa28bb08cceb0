package io.postyard.openmail.store;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public class MemoryOpenmailWebhookStore implements OpenmailWebhookStore {
    private final ConcurrentHashMap<String, OpenmailWebhook> webhooks = new ConcurrentHashMap<>();

    @Override
    public void save(OpenmailWebhook webhook) {
        webhooks.put(webhook.scope(), webhook);
    }

    @Override
    public Optional<OpenmailWebhook> get(String scope) {
        return Optional.ofNullable(webhooks.get(scope));
    }

    @Override
    public void delete(String scope) {
        webhooks.remove(scope);
    }
}
