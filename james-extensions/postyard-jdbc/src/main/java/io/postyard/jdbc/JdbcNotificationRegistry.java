package io.postyard.jdbc;

import java.time.ZonedDateTime;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.util.date.ZonedDateTimeProvider;
import org.apache.james.vacation.api.AccountId;
import org.apache.james.vacation.api.NotificationRegistry;
import org.apache.james.vacation.api.RecipientId;
import org.jdbi.v3.core.Jdbi;

import reactor.core.publisher.Mono;

/**
 * The senders each account's vacation reply already went to, until the reply's end date (or until the reply changes,
 * which flushes them), so that each sender is answered once.
 */
public class JdbcNotificationRegistry implements NotificationRegistry {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("vacation_notifications");

    private final Jdbi jdbi;
    private final ZonedDateTimeProvider now;

    @Inject
    public JdbcNotificationRegistry(PostyardDatabase database, ZonedDateTimeProvider now) {
        this(database.jdbi(), now);
    }

    public JdbcNotificationRegistry(Jdbi jdbi, ZonedDateTimeProvider now) {
        this.jdbi = jdbi;
        this.now = now;
    }

    @Override
    public Mono<Void> register(AccountId account, RecipientId recipient, Optional<ZonedDateTime> expiry) {
        return Mono.fromRunnable(() -> {
            try {
                replace(account, recipient, expiry);
            } catch (RuntimeException e) {
                // A concurrent registration of the same sender won: either one answers for the reply just sent.
                if (!DuplicateKeys.isCause(e)) {
                    throw e;
                }
            }
        });
    }

    private void replace(AccountId account, RecipientId recipient, Optional<ZonedDateTime> expiry) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM vacation_notifications WHERE account_id = :account AND recipient_id = :recipient")
                .bind("account", account.getIdentifier())
                .bind("recipient", recipient.getAsString())
                .execute();
            handle.createUpdate("INSERT INTO vacation_notifications (account_id, recipient_id, expires_at) VALUES (:account, :recipient, :expiresAt)")
                .bind("account", account.getIdentifier())
                .bind("recipient", recipient.getAsString())
                .bind("expiresAt", expiry.map(date -> date.toInstant().toEpochMilli()).orElse(null))
                .execute();
        });
    }

    /** Registered until the end date itself, as James's memory registry. */
    @Override
    public Mono<Boolean> isRegistered(AccountId account, RecipientId recipient) {
        return Mono.fromCallable(() -> jdbi.withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM vacation_notifications WHERE account_id = :account AND recipient_id = :recipient "
                    + "AND (expires_at IS NULL OR expires_at >= :now)")
            .bind("account", account.getIdentifier())
            .bind("recipient", recipient.getAsString())
            .bind("now", now.get().toInstant().toEpochMilli())
            .mapTo(Integer.class)
            .one() > 0));
    }

    /** Whether any sender is registered for the account, expired or not. */
    public Mono<Boolean> hasRegistrations(AccountId account) {
        return Mono.fromCallable(() -> jdbi.withHandle(handle -> handle.createQuery(
                "SELECT account_id FROM vacation_notifications WHERE account_id = :account LIMIT 1")
            .bind("account", account.getIdentifier())
            .mapTo(String.class)
            .findOne()
            .isPresent()));
    }

    @Override
    public Mono<Void> flush(AccountId account) {
        return Mono.fromRunnable(() -> jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM vacation_notifications WHERE account_id = :account")
            .bind("account", account.getIdentifier())
            .execute()));
    }
}
