package io.postyard.openmail.store;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.postyard.core.account.AccountId;

public class MemoryOpenmailInboxStore implements OpenmailInboxStore {
    private final ConcurrentHashMap<String, OpenmailInbox> inboxes = new ConcurrentHashMap<>();

    @Override
    public void save(OpenmailInbox inbox) {
        inboxes.put(inbox.id(), inbox);
    }

    @Override
    public Optional<OpenmailInbox> get(String id) {
        return Optional.ofNullable(inboxes.get(id));
    }

    @Override
    public List<OpenmailInbox> list(AccountId account, Optional<String> externalId) {
        return inboxes.values().stream()
            .filter(inbox -> inbox.account().equals(account))
            .filter(inbox -> externalId.isEmpty() || inbox.externalId().equals(externalId))
            .sorted(Comparator.comparing(OpenmailInbox::createdAt).thenComparing(OpenmailInbox::id))
            .toList();
    }

    @Override
    public void delete(String id) {
        inboxes.remove(id);
    }
}
