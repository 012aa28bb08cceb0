package io.postyard.openmail.jdbc;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import javax.inject.Inject;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

import io.postyard.core.account.AccountId;
import io.postyard.jdbc.JdbcMigration;
import io.postyard.jdbc.PostyardDatabase;
import io.postyard.jdbc.RowWrites;
import io.postyard.openmail.store.OpenmailWebhook;
import io.postyard.openmail.store.OpenmailWebhookStore;

/** Webhook configurations, a row per scope. */
public class JdbcOpenmailWebhookStore implements OpenmailWebhookStore {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("openmail_webhooks");

    private final Jdbi jdbi;

    @Inject
    public JdbcOpenmailWebhookStore(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcOpenmailWebhookStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void save(OpenmailWebhook webhook) {
        RowWrites.upsert(jdbi,
            handle -> bind(handle.createUpdate("UPDATE openmail_webhooks SET account = :account, url = :url, secret = :secret, "
                + "updated_at = :updatedAt WHERE scope = :scope"), webhook).execute(),
            handle -> bind(handle.createUpdate("INSERT INTO openmail_webhooks (scope, account, url, secret, updated_at) "
                + "VALUES (:scope, :account, :url, :secret, :updatedAt)"), webhook).execute());
    }

    @Override
    public Optional<OpenmailWebhook> get(String scope) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT scope, account, url, secret, updated_at FROM openmail_webhooks "
                + "WHERE scope = :scope")
            .bind("scope", scope)
            .map((row, context) -> new OpenmailWebhook(row.getString("scope"), new AccountId(row.getString("account")),
                URI.create(row.getString("url")), row.getString("secret"), Instant.ofEpochMilli(row.getLong("updated_at"))))
            .findOne());
    }

    @Override
    public void delete(String scope) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM openmail_webhooks WHERE scope = :scope")
            .bind("scope", scope)
            .execute());
    }

    private static Update bind(Update statement, OpenmailWebhook webhook) {
        return statement.bind("scope", webhook.scope())
            .bind("account", webhook.account().value())
            .bind("url", webhook.url().toString())
            .bind("secret", webhook.secret())
            .bind("updatedAt", webhook.updatedAt().toEpochMilli());
    }
}
