package io.postyard.jdbc;

import java.util.Optional;

import javax.inject.Inject;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import io.postyard.core.account.AccountId;
import io.postyard.core.account.SigningKeyStore;

/** Each account's webhook signing key, a row per account. */
public class JdbcSigningKeyStore implements SigningKeyStore {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("signing_keys");

    private final Jdbi jdbi;

    @Inject
    public JdbcSigningKeyStore(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcSigningKeyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<String> get(AccountId account) {
        return jdbi.withHandle(handle -> get(handle, account));
    }

    /** The first key set wins: a concurrent setter loses on the primary key, then reads the winner's. */
    @Override
    public String putIfAbsent(AccountId account, String key) {
        try {
            return jdbi.inTransaction(handle -> get(handle, account).orElseGet(() -> {
                insert(handle, account, key);
                return key;
            }));
        } catch (RuntimeException e) {
            if (!DuplicateKeys.isCause(e)) {
                throw e;
            }
            return get(account).orElseThrow(() -> e);
        }
    }

    @Override
    public void put(AccountId account, String key) {
        jdbi.useTransaction(handle -> {
            int updated = handle.createUpdate("UPDATE signing_keys SET signing_key = :key WHERE account = :account")
                .bind("account", account.value())
                .bind("key", key)
                .execute();
            if (updated == 0) {
                insert(handle, account, key);
            }
        });
    }

    private static Optional<String> get(Handle handle, AccountId account) {
        return handle.createQuery("SELECT signing_key FROM signing_keys WHERE account = :account")
            .bind("account", account.value())
            .mapTo(String.class)
            .findOne();
    }

    private static void insert(Handle handle, AccountId account, String key) {
        handle.createUpdate("INSERT INTO signing_keys (account, signing_key) VALUES (:account, :key)")
            .bind("account", account.value())
            .bind("key", key)
            .execute();
    }
}
