package io.postyard.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import io.postyard.core.account.Account;
import io.postyard.core.account.AccountId;
import io.postyard.core.account.AccountStore;

/** Accounts in the {@code accounts} table; instants as epoch milliseconds, the same on every database. */
public class JdbcAccountStore implements AccountStore {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("accounts");
    private static final RowMapper<Account> ACCOUNT = (row, context) ->
        new Account(new AccountId(row.getString("id")), row.getString("name"), Instant.ofEpochMilli(row.getLong("created_at")));

    private final Jdbi jdbi;

    @Inject
    public JdbcAccountStore(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcAccountStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void save(Account account) {
        jdbi.useTransaction(handle -> {
            int updated = handle.createUpdate("UPDATE accounts SET name = :name, created_at = :createdAt WHERE id = :id")
                .bind("id", account.id().value())
                .bind("name", account.name())
                .bind("createdAt", account.createdAt().toEpochMilli())
                .execute();
            if (updated == 0) {
                handle.createUpdate("INSERT INTO accounts (id, name, created_at) VALUES (:id, :name, :createdAt)")
                    .bind("id", account.id().value())
                    .bind("name", account.name())
                    .bind("createdAt", account.createdAt().toEpochMilli())
                    .execute();
            }
        });
    }

    @Override
    public Optional<Account> get(AccountId id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, name, created_at FROM accounts WHERE id = :id")
            .bind("id", id.value())
            .map(ACCOUNT)
            .findOne());
    }

    @Override
    public List<Account> list() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, name, created_at FROM accounts ORDER BY created_at, id")
            .map(ACCOUNT)
            .list());
    }
}
