package io.postyard.mailgun.cassandra;

import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Domain;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.ListType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;

import io.postyard.cassandra.CqlRows;
import io.postyard.cassandra.PostyardSession;
import io.postyard.cassandra.SchemaMigration;
import io.postyard.mailgun.template.MessageTemplate;
import io.postyard.mailgun.template.TemplateStore;
import io.postyard.mailgun.template.TemplateVersion;

/**
 * One partition per domain, clustered by template name, so pages are slices from a name. A template's versions (a
 * few dozen at most) live in its row, in order, so reading a template is one read.
 */
public class CassandraTemplateStore implements TemplateStore {
    private static final String COLUMNS = "name, description, created_at, versions";
    public static final SchemaMigration SCHEMA = new SchemaMigration("templates", 1, List.of(
        "CREATE TYPE IF NOT EXISTS template_version (tag text, template text, engine text, comment text, active boolean, "
            + "created_at timestamp)",
        "CREATE TABLE IF NOT EXISTS templates (domain text, name text, description text, created_at timestamp, "
            + "versions list<frozen<template_version>>, PRIMARY KEY (domain, name))"));

    private final CqlSession session;
    private final PreparedStatement insertIfAbsent;
    private final PreparedStatement upsert;
    private final PreparedStatement select;
    private final PreparedStatement first;
    private final PreparedStatement after;
    private final PreparedStatement delete;
    private final PreparedStatement deleteDomain;
    private final UserDefinedType versionType;

    @Inject
    public CassandraTemplateStore(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
        this.insertIfAbsent = session.prepare("INSERT INTO templates (domain, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?) IF NOT EXISTS");
        this.upsert = session.prepare("INSERT INTO templates (domain, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?)");
        this.select = session.prepare("SELECT " + COLUMNS + " FROM templates WHERE domain = ? AND name = ?");
        this.first = session.prepare("SELECT " + COLUMNS + " FROM templates WHERE domain = ? LIMIT ?");
        this.after = session.prepare("SELECT " + COLUMNS + " FROM templates WHERE domain = ? AND name > ? LIMIT ?");
        this.delete = session.prepare("DELETE FROM templates WHERE domain = ? AND name = ?");
        this.deleteDomain = session.prepare("DELETE FROM templates WHERE domain = ?");
        this.versionType = (UserDefinedType) ((ListType) upsert.getVariableDefinitions().get("versions").getType()).getElementType();
    }

    @Override
    public boolean insertIfAbsent(MessageTemplate template) {
        return session.execute(insertIfAbsent.bind(values(template))).wasApplied();
    }

    @Override
    public void save(MessageTemplate template) {
        session.execute(upsert.bind(values(template)));
    }

    @Override
    public Optional<MessageTemplate> get(Domain domain, String name) {
        return CqlRows.one(session.execute(select.bind(domain.asString(), name)), row -> template(domain, row));
    }

    @Override
    public List<MessageTemplate> list(Domain domain, Optional<String> afterName, int limit) {
        var rows = afterName.isPresent()
            ? session.execute(after.bind(domain.asString(), afterName.get(), limit))
            : session.execute(first.bind(domain.asString(), limit));
        return CqlRows.list(rows, row -> template(domain, row));
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

    private Object[] values(MessageTemplate template) {
        List<UdtValue> versions = template.versions().stream()
            .map(version -> versionType.newValue(version.tag(), version.template(), version.engine(), version.comment(), version.active(),
                version.createdAt()))
            .toList();
        return new Object[] {template.domain().asString(), template.name(), template.description(), template.createdAt(), versions};
    }

    private static MessageTemplate template(Domain domain, Row row) {
        List<TemplateVersion> versions = row.getList("versions", UdtValue.class).stream()
            .map(version -> new TemplateVersion(version.getString("tag"), version.getString("template"), version.getString("engine"),
                version.getString("comment"), version.getBoolean("active"), version.getInstant("created_at")))
            .toList();
        return new MessageTemplate(domain, row.getString("name"), row.getString("description"), row.getInstant("created_at"), versions);
    }
}
