package io.postyard.cassandra;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import io.postyard.core.account.Account;
import io.postyard.core.account.AccountId;
import io.postyard.core.account.AccountStore;

/**
 * Accounts are few (operators create them), so they share one partition: listing them is a single slice, with no
 * scan of the cluster.
 */
public class CassandraAccountStore implements AccountStore {
    public static final SchemaMigration SCHEMA = new SchemaMigration("accounts", 1, List.of(
        "CREATE TABLE IF NOT EXISTS accounts (directory int, id text, name text, created_at timestamp, PRIMARY KEY (directory, id))"));
    private static final int DIRECTORY = 0;

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement select;
    private final PreparedStatement selectAll;

    @Inject
    public CassandraAccountStore(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
        this.insert = session.prepare("INSERT INTO accounts (directory, id, name, created_at) VALUES (?, ?, ?, ?)");
        this.select = session.prepare("SELECT id, name, created_at FROM accounts WHERE directory = ? AND id = ?");
        this.selectAll = session.prepare("SELECT id, name, created_at FROM accounts WHERE directory = ?");
    }

    @Override
    public void save(Account account) {
        session.execute(insert.bind(DIRECTORY, account.id().value(), account.name(), account.createdAt()));
    }

    @Override
    public Optional<Account> get(AccountId id) {
        return CqlRows.one(session.execute(select.bind(DIRECTORY, id.value())), CassandraAccountStore::account);
    }

    @Override
    public List<Account> list() {
        return CqlRows.list(session.execute(selectAll.bind(DIRECTORY)), CassandraAccountStore::account).stream()
            .sorted(Comparator.comparing(Account::createdAt))
            .toList();
    }

    private static Account account(Row row) {
        return new Account(new AccountId(row.getString("id")), row.getString("name"), row.getInstant("created_at"));
    }
}
