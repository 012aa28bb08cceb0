package io.postyard.cassandra;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import io.postyard.core.account.AccountId;
import io.postyard.core.webhook.AccountWebhook;
import io.postyard.core.webhook.AccountWebhookStore;

/**
 * Webhooks by id, and a copy per account and provider clustered by creation, so listing them is one slice. Both are
 * written in one logged batch: they never disagree for long.
 */
public class CassandraAccountWebhookStore implements AccountWebhookStore {
    private static final String COLUMNS = "id, provider, account, url, events, secret, created_at";
    public static final SchemaMigration SCHEMA = new SchemaMigration("account_webhooks", 1, List.of(
        "CREATE TABLE IF NOT EXISTS account_webhooks (id text PRIMARY KEY, provider text, account text, url text, events set<text>, "
            + "secret text, created_at timestamp)",
        "CREATE TABLE IF NOT EXISTS account_webhooks_by_account (account text, provider text, created_at timestamp, id text, url text, "
            + "events set<text>, secret text, PRIMARY KEY ((account, provider), created_at, id))"));

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement insertByAccount;
    private final PreparedStatement select;
    private final PreparedStatement selectByAccount;
    private final PreparedStatement delete;
    private final PreparedStatement deleteByAccount;

    @Inject
    public CassandraAccountWebhookStore(CqlSession session) {
        this.session = session;
        this.insert = session.prepare("INSERT INTO account_webhooks (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)");
        this.insertByAccount = session.prepare("INSERT INTO account_webhooks_by_account (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)");
        this.select = session.prepare("SELECT " + COLUMNS + " FROM account_webhooks WHERE id = ?");
        this.selectByAccount = session.prepare("SELECT " + COLUMNS + " FROM account_webhooks_by_account WHERE account = ? AND provider = ?");
        this.delete = session.prepare("DELETE FROM account_webhooks WHERE id = ?");
        this.deleteByAccount = session.prepare("DELETE FROM account_webhooks_by_account WHERE account = ? AND provider = ? "
            + "AND created_at = ? AND id = ?");
    }

    @Override
    public void save(AccountWebhook webhook) {
        Object[] values = {webhook.id(), webhook.provider(), webhook.account().value(), webhook.url().toString(), webhook.events(),
            webhook.secret(), webhook.createdAt()};
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.LOGGED).addStatements(insert.bind(values),
            insertByAccount.bind(values));
        // Saved again under another account, provider or creation instant, it leaves its former listing.
        get(webhook.id()).filter(previous -> !sameListing(previous, webhook)).ifPresent(previous -> batch.addStatement(unlist(previous)));
        session.execute(batch.build());
    }

    @Override
    public Optional<AccountWebhook> get(String id) {
        return CqlRows.one(session.execute(select.bind(id)), CassandraAccountWebhookStore::webhook);
    }

    @Override
    public List<AccountWebhook> list(AccountId account, String provider) {
        return CqlRows.list(session.execute(selectByAccount.bind(account.value(), provider)), CassandraAccountWebhookStore::webhook);
    }

    @Override
    public void delete(String id) {
        get(id).ifPresent(webhook -> session.execute(BatchStatement.newInstance(DefaultBatchType.LOGGED, delete.bind(id), unlist(webhook))));
    }

    private BoundStatement unlist(AccountWebhook webhook) {
        return deleteByAccount.bind(webhook.account().value(), webhook.provider(), webhook.createdAt(), webhook.id());
    }

    private static boolean sameListing(AccountWebhook one, AccountWebhook other) {
        return one.account().equals(other.account()) && one.provider().equals(other.provider()) && one.createdAt().equals(other.createdAt());
    }

    private static AccountWebhook webhook(Row row) {
        return new AccountWebhook(row.getString("id"), row.getString("provider"), new AccountId(row.getString("account")),
            URI.create(row.getString("url")), row.getSet("events", String.class), row.getString("secret"), row.getInstant("created_at"));
    }
}
