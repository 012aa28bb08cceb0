package io.postyard.server.jpa;

import java.time.ZonedDateTime;
import java.util.Optional;

import org.apache.james.vacation.api.AccountId;
import org.apache.james.vacation.api.NotificationRegistry;
import org.apache.james.vacation.api.RecipientId;

import io.postyard.core.cache.WriteInvalidatedCache;
import io.postyard.jdbc.JdbcNotificationRegistry;
import reactor.core.publisher.Mono;

/**
 * Who got each account's vacation reply, on the single-node SQL profile. James asks for every delivered mail whether
 * its sender already got the recipient's reply, vacation or not; nearly every account never sent one, and this node
 * is the only one that registers any, so which accounts have none is kept in memory and answers those questions
 * without a query.
 */
class CachedNotificationRegistry implements NotificationRegistry {
    private static final int ACCOUNTS_KEPT = 100_000;

    private final JdbcNotificationRegistry registry;
    private final WriteInvalidatedCache<AccountId, Boolean> hasRegistrations = new WriteInvalidatedCache<>(ACCOUNTS_KEPT);

    CachedNotificationRegistry(JdbcNotificationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Mono<Boolean> isRegistered(AccountId accountId, RecipientId recipientId) {
        return hasRegistrations.get(accountId, registry.hasRegistrations(accountId))
            .flatMap(any -> any ? registry.isRegistered(accountId, recipientId) : Mono.just(false));
    }

    @Override
    public Mono<Void> register(AccountId accountId, RecipientId recipientId, Optional<ZonedDateTime> expiryDate) {
        return hasRegistrations.writing(accountId, registry.register(accountId, recipientId, expiryDate));
    }

    @Override
    public Mono<Void> flush(AccountId accountId) {
        return hasRegistrations.writing(accountId, registry.flush(accountId));
    }
}
