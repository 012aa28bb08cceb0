package io.postyard.opensrs.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

public class MemoryHostedUserStore implements HostedUserStore {
    private final Map<Username, HostedUser> users = new ConcurrentHashMap<>();

    @Override
    public boolean insertIfAbsent(HostedUser user) {
        return users.putIfAbsent(user.name(), user) == null;
    }

    @Override
    public void save(HostedUser user) {
        users.put(user.name(), user);
    }

    @Override
    public Optional<HostedUser> get(Username name) {
        return Optional.ofNullable(users.get(name));
    }

    @Override
    public Optional<HostedUser> byFormerName(Username formerName) {
        return users.values().stream().filter(user -> user.formerName().equals(Optional.of(formerName))).findFirst();
    }

    @Override
    public List<HostedUser> list(Domain domain) {
        return users.values().stream()
            .filter(user -> user.domain().equals(domain))
            .sorted(Comparator.comparing(user -> user.name().asString()))
            .toList();
    }

    @Override
    public List<HostedUser> deletedBefore(Instant instant, int limit) {
        return users.values().stream()
            .filter(user -> user.deletedAt().map(deleted -> deleted.isBefore(instant)).orElse(false))
            .limit(limit)
            .toList();
    }

    @Override
    public void delete(Username name) {
        users.remove(name);
    }
}
