package io.postyard.jdbc;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

import io.postyard.core.account.AccountId;
import io.postyard.core.webhook.AccountWebhook;
import io.postyard.core.webhook.AccountWebhookStore;

/** Account webhooks, a row per id, listed per account and provider through an index in creation order. */
public class JdbcAccountWebhookStore implements AccountWebhookStore {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("account_webhooks");
    private static final String SELECT = "SELECT id, provider, account, url, events, secret, created_at FROM account_webhooks ";
    private static final RowMapper<AccountWebhook> WEBHOOK = (row, context) -> new AccountWebhook(row.getString("id"),
        row.getString("provider"), new AccountId(row.getString("account")), URI.create(row.getString("url")),
        Set.copyOf(Columns.strings(row.getString("events"))), row.getString("secret"), Instant.ofEpochMilli(row.getLong("created_at")));

    private final Jdbi jdbi;

    @Inject
    public JdbcAccountWebhookStore(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcAccountWebhookStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void save(AccountWebhook webhook) {
        RowWrites.upsert(jdbi,
            handle -> bind(handle.createUpdate("UPDATE account_webhooks SET provider = :provider, account = :account, url = :url, "
                + "events = :events, secret = :secret, created_at = :createdAt WHERE id = :id"), webhook).execute(),
            handle -> bind(handle.createUpdate("INSERT INTO account_webhooks (id, provider, account, url, events, secret, created_at) "
                + "VALUES (:id, :provider, :account, :url, :events, :secret, :createdAt)"), webhook).execute());
    }

    @Override
    public Optional<AccountWebhook> get(String id) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "WHERE id = :id")
            .bind("id", id)
            .map(WEBHOOK)
            .findOne());
    }

    @Override
    public List<AccountWebhook> list(AccountId account, String provider) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "WHERE account = :account AND provider = :provider "
                + "ORDER BY account, provider, created_at, id")
            .bind("account", account.value())
            .bind("provider", provider)
            .map(WEBHOOK)
            .list());
    }

    @Override
    public void delete(String id) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM account_webhooks WHERE id = :id")
            .bind("id", id)
            .execute());
    }

    private static <S extends SqlStatement<S>> S bind(S statement, AccountWebhook webhook) {
        return statement.bind("id", webhook.id())
            .bind("provider", webhook.provider())
            .bind("account", webhook.account().value())
            .bind("url", webhook.url().toString())
            .bind("events", Columns.json(webhook.events()))
            .bind("secret", webhook.secret())
            .bind("createdAt", webhook.createdAt().toEpochMilli());
    }
}
