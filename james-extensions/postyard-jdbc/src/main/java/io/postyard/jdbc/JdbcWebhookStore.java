package io.postyard.jdbc;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

import io.postyard.core.webhook.DomainWebhook;
import io.postyard.core.webhook.WebhookStore;

/** Domain webhooks, a row per domain and name, in the {@code domain_webhooks} table. */
public class JdbcWebhookStore implements WebhookStore {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("webhooks");
    private static final String SELECT = "SELECT domain, name, urls FROM domain_webhooks WHERE domain = :domain ";
    private static final RowMapper<DomainWebhook> WEBHOOK = (row, context) -> new DomainWebhook(Domain.of(row.getString("domain")),
        row.getString("name"), Columns.strings(row.getString("urls")).stream().map(URI::create).toList());

    private final Jdbi jdbi;

    @Inject
    public JdbcWebhookStore(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcWebhookStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean insertIfAbsent(DomainWebhook webhook) {
        return RowWrites.insertIfAbsent(jdbi, handle -> insert(handle, webhook));
    }

    @Override
    public void save(DomainWebhook webhook) {
        RowWrites.upsert(jdbi,
            handle -> bind(handle.createUpdate("UPDATE domain_webhooks SET urls = :urls WHERE domain = :domain AND name = :name"), webhook)
                .execute(),
            handle -> insert(handle, webhook));
    }

    @Override
    public Optional<DomainWebhook> get(Domain domain, String name) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "AND name = :name")
            .bind("domain", domain.asString())
            .bind("name", name)
            .map(WEBHOOK)
            .findOne());
    }

    @Override
    public List<DomainWebhook> list(Domain domain) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "ORDER BY domain, name")
            .bind("domain", domain.asString())
            .map(WEBHOOK)
            .list());
    }

    @Override
    public boolean delete(Domain domain, String name) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM domain_webhooks WHERE domain = :domain AND name = :name")
            .bind("domain", domain.asString())
            .bind("name", name)
            .execute()) > 0;
    }

    @Override
    public void deleteDomain(Domain domain) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM domain_webhooks WHERE domain = :domain")
            .bind("domain", domain.asString())
            .execute());
    }

    private static void insert(Handle handle, DomainWebhook webhook) {
        bind(handle.createUpdate("INSERT INTO domain_webhooks (domain, name, urls) VALUES (:domain, :name, :urls)"), webhook).execute();
    }

    private static <S extends SqlStatement<S>> S bind(S statement, DomainWebhook webhook) {
        return statement.bind("domain", webhook.domain().asString())
            .bind("name", webhook.name())
            .bind("urls", Columns.json(webhook.urls().stream().map(URI::toString).toList()));
    }
}
