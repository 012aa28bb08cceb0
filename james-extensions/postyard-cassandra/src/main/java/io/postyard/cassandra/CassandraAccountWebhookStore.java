package io.postyard.cassandra;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import com.datastax.oss.driver.api.core.CqlSession;
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
    private final ListedTable<AccountWebhook> webhooks;

    @Inject
    public CassandraAccountWebhookStore(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
        this.webhooks = new ListedTable<>(session, new ListedTable.Layout("account_webhooks", "account_webhooks_by_account",
            List.of("account", "provider", "created_at", "id"), 2, COLUMNS),
            webhook -> new Object[] {webhook.id(), webhook.provider(), webhook.account().value(), webhook.url().toString(), webhook.events(),
                webhook.secret(), webhook.createdAt()},
            webhook -> new Object[] {webhook.account().value(), webhook.provider(), webhook.createdAt(), webhook.id()},
            CassandraAccountWebhookStore::webhook);
    }

    @Override
    public void save(AccountWebhook webhook) {
        session.execute(webhooks.save(webhook, get(webhook.id())).build());
    }

    @Override
    public Optional<AccountWebhook> get(String id) {
        return webhooks.get(id);
    }

    @Override
    public List<AccountWebhook> list(AccountId account, String provider) {
        return webhooks.list(account.value(), provider);
    }

    @Override
    public void delete(String id) {
        get(id).ifPresent(webhook -> session.execute(webhooks.delete(webhook).build()));
    }

    private static AccountWebhook webhook(Row row) {
        return new AccountWebhook(row.getString("id"), row.getString("provider"), new AccountId(row.getString("account")),
            URI.create(row.getString("url")), row.getSet("events", String.class), row.getString("secret"), row.getInstant("created_at"));
    }
}
