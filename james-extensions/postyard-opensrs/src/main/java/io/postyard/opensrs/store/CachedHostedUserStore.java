package io.postyard.opensrs.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import io.postyard.core.cache.WriteInvalidatedCache;

/**
 * OMA users on the single-node SQL profile, with the lookups by name and by former name kept in memory: the mail
 * policy asks both for every recipient (is the user suspended, was it renamed). Any write forgets every answer.
 */
public class CachedHostedUserStore implements HostedUserStore {
    private static final int USERS_KEPT = 100_000;

    private final HostedUserStore store;
    private final WriteInvalidatedCache<Username, Optional<HostedUser>> byName = new WriteInvalidatedCache<>(USERS_KEPT);
    private final WriteInvalidatedCache<Username, Optional<HostedUser>> byFormerName = new WriteInvalidatedCache<>(USERS_KEPT);

    public CachedHostedUserStore(HostedUserStore store) {
        this.store = store;
    }

    @Override
    public Optional<HostedUser> get(Username name) {
        return byName.get(name, () -> store.get(name));
    }

    @Override
    public Optional<HostedUser> byFormerName(Username formerName) {
        return byFormerName.get(formerName, () -> store.byFormerName(formerName));
    }

    @Override
    public boolean insertIfAbsent(HostedUser user) {
        try {
            return store.insertIfAbsent(user);
        } finally {
            forgetAll();
        }
    }

    @Override
    public void save(HostedUser user) {
        try {
            store.save(user);
        } finally {
            forgetAll();
        }
    }

    @Override
    public void delete(Username name) {
        try {
            store.delete(name);
        } finally {
            forgetAll();
        }
    }

    private void forgetAll() {
        byName.forgetAll();
        byFormerName.forgetAll();
    }

    @Override
    public List<HostedUser> list(Domain domain) {
        return store.list(domain);
    }

    @Override
    public List<HostedUser> deletedBefore(Instant instant, int limit) {
        return store.deletedBefore(instant, limit);
    }
}
