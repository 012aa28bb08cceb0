package io.postyard.tempmail.jdbc;

import java.util.List;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.jdbi.v3.core.Jdbi;

import io.postyard.core.account.AccountId;
import io.postyard.jdbc.DuplicateKeys;
import io.postyard.jdbc.JdbcMigration;
import io.postyard.jdbc.PostyardDatabase;
import io.postyard.tempmail.store.TempMailDomainStore;

/** An account's custom Temp Mail domains, a row each, keyed by account and domain. */
public class JdbcTempMailDomainStore implements TempMailDomainStore {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("tempmail_domains");

    private final Jdbi jdbi;

    @Inject
    public JdbcTempMailDomainStore(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcTempMailDomainStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Insert when absent, in SQL both H2 and PostgreSQL take; a concurrent add of the same pair loses on the key. */
    @Override
    public void add(AccountId account, Domain domain) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO tempmail_domains (account, domain) SELECT :account, :domain "
                    + "WHERE NOT EXISTS (SELECT 1 FROM tempmail_domains WHERE account = :account AND domain = :domain)")
                .bind("account", account.value())
                .bind("domain", domain.asString())
                .execute());
        } catch (RuntimeException e) {
            if (!DuplicateKeys.isCause(e)) {
                throw e;
            }
        }
    }

    @Override
    public void remove(AccountId account, Domain domain) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM tempmail_domains WHERE account = :account AND domain = :domain")
            .bind("account", account.value())
            .bind("domain", domain.asString())
            .execute());
    }

    @Override
    public List<Domain> list(AccountId account) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT domain FROM tempmail_domains WHERE account = :account ORDER BY domain")
            .bind("account", account.value())
            .map((row, context) -> Domain.of(row.getString("domain")))
            .list());
    }
}
