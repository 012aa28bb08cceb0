package io.postyard.mailgun.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

import io.postyard.jdbc.DuplicateKeys;
import io.postyard.jdbc.JdbcMigration;
import io.postyard.jdbc.PostyardDatabase;
import io.postyard.mailgun.template.MessageTemplate;
import io.postyard.mailgun.template.TemplateStore;
import io.postyard.mailgun.template.TemplateVersion;

/**
 * A row per template, keyed by domain and name, so a page is a range of the primary key from a name and the key lets
 * one creation of a name win; its versions in a second table, numbered in their order and deleted with it by a foreign
 * key. A template or a page of them is read with its versions in one query.
 */
public class JdbcTemplateStore implements TemplateStore {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("mailgun_templates");
    /** The templates the condition picks, then each one's versions, in order; a template without any has one row. */
    private static final String SELECT = "SELECT t.template_name, t.description, t.created_at, v.tag, v.source, v.engine, "
        + "v.version_comment, v.active, v.created_at AS version_created_at "
        + "FROM (SELECT domain, template_name, description, created_at FROM mailgun_templates WHERE domain = :domain %s "
        + "ORDER BY domain, template_name LIMIT :limit) t "
        + "LEFT JOIN mailgun_template_versions v ON v.domain = t.domain AND v.template_name = t.template_name "
        + "ORDER BY t.template_name, v.version_index";

    private record Joined(MessageTemplate template, Optional<TemplateVersion> version) {
    }

    private final Jdbi jdbi;

    @Inject
    public JdbcTemplateStore(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcTemplateStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean insertIfAbsent(MessageTemplate template) {
        try {
            jdbi.useTransaction(handle -> {
                insertTemplate(handle, template);
                insertVersions(handle, template);
            });
            return true;
        } catch (RuntimeException e) {
            if (DuplicateKeys.isCause(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void save(MessageTemplate template) {
        try {
            jdbi.useTransaction(handle -> replace(handle, template));
        } catch (RuntimeException e) {
            if (!DuplicateKeys.isCause(e)) {
                throw e;
            }
            // A concurrent first save inserted the template in between: this one, the later, replaces it.
            jdbi.useTransaction(handle -> replace(handle, template));
        }
    }

    private static void replace(Handle handle, MessageTemplate template) {
        int updated = handle.createUpdate("UPDATE mailgun_templates SET description = :description, created_at = :createdAt "
                + "WHERE domain = :domain AND template_name = :name")
            .bind("domain", template.domain().asString())
            .bind("name", template.name())
            .bind("description", template.description())
            .bind("createdAt", template.createdAt().toEpochMilli())
            .execute();
        if (updated == 0) {
            insertTemplate(handle, template);
        } else {
            handle.createUpdate("DELETE FROM mailgun_template_versions WHERE domain = :domain AND template_name = :name")
                .bind("domain", template.domain().asString())
                .bind("name", template.name())
                .execute();
        }
        insertVersions(handle, template);
    }

    @Override
    public Optional<MessageTemplate> get(Domain domain, String name) {
        return read(domain, "AND template_name = :name", 1, query -> query.bind("name", name)).stream().findFirst();
    }

    @Override
    public List<MessageTemplate> list(Domain domain, Optional<String> afterName, int limit) {
        return afterName.map(after -> read(domain, "AND template_name > :after", limit, query -> query.bind("after", after)))
            .orElseGet(() -> read(domain, "", limit, query -> query));
    }

    private List<MessageTemplate> read(Domain domain, String condition, int limit, UnaryOperator<Query> bindCondition) {
        List<Joined> rows = jdbi.withHandle(handle -> bindCondition.apply(handle.createQuery(String.format(SELECT, condition)))
            .bind("domain", domain.asString())
            .bind("limit", limit)
            .map((row, context) -> joined(domain, row))
            .list());
        // Each template's rows carry equal copies of it, without versions: the key under which its versions gather.
        Map<MessageTemplate, List<TemplateVersion>> versions = new LinkedHashMap<>();
        for (Joined row : rows) {
            List<TemplateVersion> ofTemplate = versions.computeIfAbsent(row.template(), template -> new ArrayList<>());
            row.version().ifPresent(ofTemplate::add);
        }
        return versions.entrySet().stream().map(entry -> entry.getKey().withVersions(entry.getValue())).toList();
    }

    private static Joined joined(Domain domain, ResultSet row) throws SQLException {
        MessageTemplate template = new MessageTemplate(domain, row.getString("template_name"), row.getString("description"),
            Instant.ofEpochMilli(row.getLong("created_at")), List.of());
        String tag = row.getString("tag");
        Optional<TemplateVersion> version = tag == null
            ? Optional.empty()
            : Optional.of(new TemplateVersion(tag, row.getString("source"), row.getString("engine"), row.getString("version_comment"),
                row.getBoolean("active"), Instant.ofEpochMilli(row.getLong("version_created_at"))));
        return new Joined(template, version);
    }

    /** The row count of the one DELETE that removes the template, and its versions by cascade, tells whether it existed. */
    @Override
    public boolean delete(Domain domain, String name) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM mailgun_templates WHERE domain = :domain AND template_name = :name")
            .bind("domain", domain.asString())
            .bind("name", name)
            .execute()) > 0;
    }

    @Override
    public void deleteDomain(Domain domain) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM mailgun_templates WHERE domain = :domain")
            .bind("domain", domain.asString())
            .execute());
    }

    private static void insertTemplate(Handle handle, MessageTemplate template) {
        handle.createUpdate("INSERT INTO mailgun_templates (domain, template_name, description, created_at) "
                + "VALUES (:domain, :name, :description, :createdAt)")
            .bind("domain", template.domain().asString())
            .bind("name", template.name())
            .bind("description", template.description())
            .bind("createdAt", template.createdAt().toEpochMilli())
            .execute();
    }

    private static void insertVersions(Handle handle, MessageTemplate template) {
        if (template.versions().isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("INSERT INTO mailgun_template_versions (domain, template_name, version_index, tag, "
            + "source, engine, version_comment, active, created_at) "
            + "VALUES (:domain, :name, :index, :tag, :source, :engine, :comment, :active, :createdAt)");
        for (int index = 0; index < template.versions().size(); index++) {
            TemplateVersion version = template.versions().get(index);
            batch.bind("domain", template.domain().asString())
                .bind("name", template.name())
                .bind("index", index)
                .bind("tag", version.tag())
                .bind("source", version.template())
                .bind("engine", version.engine())
                .bind("comment", version.comment())
                .bind("active", version.active())
                .bind("createdAt", version.createdAt().toEpochMilli())
                .add();
        }
        batch.execute();
    }
}
