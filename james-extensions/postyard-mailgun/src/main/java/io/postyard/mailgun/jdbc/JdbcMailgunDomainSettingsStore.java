package io.postyard.mailgun.jdbc;

import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.jdbi.v3.core.Jdbi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import io.postyard.http.Json;
import io.postyard.jdbc.JdbcMigration;
import io.postyard.jdbc.PostyardDatabase;
import io.postyard.jdbc.RowWrites;
import io.postyard.mailgun.domain.MailgunDomainSettings;
import io.postyard.mailgun.domain.MailgunDomainSettingsStore;

/** A row per domain holding its settings as one JSON object, so a new setting needs no new column. */
public class JdbcMailgunDomainSettingsStore implements MailgunDomainSettingsStore {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("mailgun_domain_settings");

    private final Jdbi jdbi;

    @Inject
    public JdbcMailgunDomainSettingsStore(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcMailgunDomainSettingsStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<MailgunDomainSettings> get(Domain domain) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT settings FROM mailgun_domain_settings WHERE domain = :domain")
            .bind("domain", domain.asString())
            .mapTo(String.class)
            .findOne())
            .map(JdbcMailgunDomainSettingsStore::read);
    }

    @Override
    public void put(Domain domain, MailgunDomainSettings settings) {
        String json = Json.write(settings.asMap());
        RowWrites.upsert(jdbi,
            handle -> handle.createUpdate("UPDATE mailgun_domain_settings SET settings = :settings WHERE domain = :domain")
                .bind("domain", domain.asString()).bind("settings", json).execute(),
            handle -> handle.createUpdate("INSERT INTO mailgun_domain_settings (domain, settings) VALUES (:domain, :settings)")
                .bind("domain", domain.asString()).bind("settings", json).execute());
    }

    @Override
    public void delete(Domain domain) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM mailgun_domain_settings WHERE domain = :domain")
            .bind("domain", domain.asString()).execute());
    }

    private static MailgunDomainSettings read(String json) {
        try {
            return MailgunDomainSettings.fromMap(Json.MAPPER.readValue(json, new TypeReference<Map<String, String>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable Mailgun domain settings", e);
        }
    }
}
