package io.postyard.server.jpa;

import org.apache.james.core.Username;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.user.jpa.JPAUsersRepository;
import org.reactivestreams.Publisher;

import io.postyard.core.cache.WriteInvalidatedCache;
import reactor.core.publisher.Mono;

/**
 * James's JPA users on the single-node SQL profile, with "does this user exist" kept in memory: SMTP recipient checks
 * and local delivery ask it for every recipient, and users are only added and removed through this node.
 */
class CachedJpaUsersRepository extends JPAUsersRepository {
    private static final int USERS_KEPT = 100_000;

    private final WriteInvalidatedCache<Username, Boolean> exists = new WriteInvalidatedCache<>(USERS_KEPT);

    CachedJpaUsersRepository(DomainList domainList) {
        super(domainList);
    }

    @Override
    public boolean contains(Username name) throws UsersRepositoryException {
        return exists.get(name, () -> super.contains(name));
    }

    @Override
    public Publisher<Boolean> containsReactive(Username name) {
        return exists.get(name, Mono.from(super.containsReactive(name)));
    }

    @Override
    public void addUser(Username username, String password) throws UsersRepositoryException {
        try {
            super.addUser(username, password);
        } finally {
            exists.forget(username);
        }
    }

    @Override
    public void removeUser(Username name) throws UsersRepositoryException {
        try {
            super.removeUser(name);
        } finally {
            exists.forget(name);
        }
    }
}
