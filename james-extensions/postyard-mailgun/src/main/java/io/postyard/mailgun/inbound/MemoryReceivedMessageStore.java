package io.postyard.mailgun.inbound;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.james.core.Domain;

public class MemoryReceivedMessageStore implements ReceivedMessageStore {
    private record Id(Domain domain, String key) {
    }

    private final ConcurrentMap<Id, ReceivedMessage> messages = new ConcurrentHashMap<>();

    @Override
    public void put(ReceivedMessage message) {
        messages.put(new Id(message.domain(), message.key()), message);
    }

    @Override
    public Optional<ReceivedMessage> get(Domain domain, String key, Instant now) {
        return Optional.ofNullable(messages.get(new Id(domain, key))).filter(message -> !message.isExpired(now));
    }

    @Override
    public boolean delete(Domain domain, String key) {
        return messages.remove(new Id(domain, key)) != null;
    }

    @Override
    public int deleteExpired(Instant now) {
        int before = messages.size();
        messages.values().removeIf(message -> message.isExpired(now));
        return before - messages.size();
    }
}
