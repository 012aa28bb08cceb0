package io.postyard.cassandra;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Domain;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import io.postyard.core.webhook.DomainWebhook;
import io.postyard.core.webhook.WebhookStore;

/** One partition per domain, clustered by webhook name: listing is one slice, forgetting the domain one deletion. */
public class CassandraWebhookStore implements WebhookStore {
    public static final SchemaMigration SCHEMA = new SchemaMigration("domain_webhooks", 1, List.of(
        "CREATE TABLE IF NOT EXISTS domain_webhooks (domain text, name text, urls list<text>, PRIMARY KEY (domain, name))"));

    private final CqlSession session;
    private final PreparedStatement insertIfAbsent;
    private final PreparedStatement upsert;
    private final PreparedStatement select;
    private final PreparedStatement selectDomain;
    private final PreparedStatement delete;
    private final PreparedStatement deleteDomain;

    @Inject
    public CassandraWebhookStore(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
        this.insertIfAbsent = session.prepare("INSERT INTO domain_webhooks (domain, name, urls) VALUES (?, ?, ?) IF NOT EXISTS");
        this.upsert = session.prepare("INSERT INTO domain_webhooks (domain, name, urls) VALUES (?, ?, ?)");
        this.select = session.prepare("SELECT name, urls FROM domain_webhooks WHERE domain = ? AND name = ?");
        this.selectDomain = session.prepare("SELECT name, urls FROM domain_webhooks WHERE domain = ?");
        this.delete = session.prepare("DELETE FROM domain_webhooks WHERE domain = ? AND name = ?");
        this.deleteDomain = session.prepare("DELETE FROM domain_webhooks WHERE domain = ?");
    }

    @Override
    public boolean insertIfAbsent(DomainWebhook webhook) {
        return session.execute(insertIfAbsent.bind(webhook.domain().asString(), webhook.name(), urls(webhook))).wasApplied();
    }

    @Override
    public void save(DomainWebhook webhook) {
        session.execute(upsert.bind(webhook.domain().asString(), webhook.name(), urls(webhook)));
    }

    @Override
    public Optional<DomainWebhook> get(Domain domain, String name) {
        return CqlRows.one(session.execute(select.bind(domain.asString(), name)), row -> webhook(domain, row));
    }

    @Override
    public List<DomainWebhook> list(Domain domain) {
        return CqlRows.list(session.execute(selectDomain.bind(domain.asString())), row -> webhook(domain, row));
    }

    /** Read, then an ordinary delete: see "Deletes that tell what they deleted" in docs/cassandra-stores.md. */
    @Override
    public boolean delete(Domain domain, String name) {
        boolean existed = get(domain, name).isPresent();
        session.execute(delete.bind(domain.asString(), name));
        return existed;
    }

    @Override
    public void deleteDomain(Domain domain) {
        session.execute(deleteDomain.bind(domain.asString()));
    }

    private static List<String> urls(DomainWebhook webhook) {
        return webhook.urls().stream().map(URI::toString).toList();
    }

    private static DomainWebhook webhook(Domain domain, Row row) {
        return new DomainWebhook(domain, row.getString("name"), row.getList("urls", String.class).stream().map(URI::create).toList());
    }
}
