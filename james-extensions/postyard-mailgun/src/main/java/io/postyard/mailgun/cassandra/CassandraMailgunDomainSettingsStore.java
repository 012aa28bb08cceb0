package io.postyard.mailgun.cassandra;

import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Domain;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;

import io.postyard.cassandra.CqlRows;
import io.postyard.cassandra.PostyardSession;
import io.postyard.cassandra.SchemaMigration;
import io.postyard.mailgun.domain.MailgunDomainSettings;
import io.postyard.mailgun.domain.MailgunDomainSettingsStore;

/** A row per domain holding its settings as a map, so a new setting needs no new column. */
public class CassandraMailgunDomainSettingsStore implements MailgunDomainSettingsStore {
    public static final SchemaMigration SCHEMA = new SchemaMigration("mailgun_domain_settings", 1, List.of(
        "CREATE TABLE IF NOT EXISTS mailgun_domain_settings (domain text PRIMARY KEY, settings map<text, text>)"));

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement select;
    private final PreparedStatement delete;

    @Inject
    public CassandraMailgunDomainSettingsStore(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
        this.insert = session.prepare("INSERT INTO mailgun_domain_settings (domain, settings) VALUES (?, ?)");
        this.select = session.prepare("SELECT settings FROM mailgun_domain_settings WHERE domain = ?");
        this.delete = session.prepare("DELETE FROM mailgun_domain_settings WHERE domain = ?");
    }

    @Override
    public Optional<MailgunDomainSettings> get(Domain domain) {
        return CqlRows.one(session.execute(select.bind(domain.asString())),
            row -> MailgunDomainSettings.fromMap(row.getMap("settings", String.class, String.class)));
    }

    @Override
    public void put(Domain domain, MailgunDomainSettings settings) {
        session.execute(insert.bind(domain.asString(), settings.asMap()));
    }

    @Override
    public void delete(Domain domain) {
        session.execute(delete.bind(domain.asString()));
    }
}
