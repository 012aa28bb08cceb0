package io.postyard.openmail.cassandra;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;

import io.postyard.cassandra.CqlRows;
import io.postyard.cassandra.PostyardSession;
import io.postyard.cassandra.SchemaMigration;
import io.postyard.core.account.AccountId;
import io.postyard.openmail.store.OpenmailWebhook;
import io.postyard.openmail.store.OpenmailWebhookStore;

public class CassandraOpenmailWebhookStore implements OpenmailWebhookStore {
    public static final SchemaMigration SCHEMA = new SchemaMigration("openmail_webhooks", 1, List.of(
        "CREATE TABLE IF NOT EXISTS openmail_webhooks (scope text PRIMARY KEY, account text, url text, secret text, updated_at timestamp)"));

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement select;
    private final PreparedStatement delete;

    @Inject
    public CassandraOpenmailWebhookStore(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
        this.insert = session.prepare("INSERT INTO openmail_webhooks (scope, account, url, secret, updated_at) VALUES (?, ?, ?, ?, ?)");
        this.select = session.prepare("SELECT account, url, secret, updated_at FROM openmail_webhooks WHERE scope = ?");
        this.delete = session.prepare("DELETE FROM openmail_webhooks WHERE scope = ?");
    }

    @Override
    public void save(OpenmailWebhook webhook) {
        session.execute(insert.bind(webhook.scope(), webhook.account().value(), webhook.url().toString(), webhook.secret(),
            webhook.updatedAt()));
    }

    @Override
    public Optional<OpenmailWebhook> get(String scope) {
        return CqlRows.one(session.execute(select.bind(scope)), row -> new OpenmailWebhook(scope, new AccountId(row.getString("account")),
            URI.create(row.getString("url")), row.getString("secret"), row.getInstant("updated_at")));
    }

    @Override
    public void delete(String scope) {
        session.execute(delete.bind(scope));
    }
}
