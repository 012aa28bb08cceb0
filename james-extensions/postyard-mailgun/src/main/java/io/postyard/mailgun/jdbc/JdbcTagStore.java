package io.postyard.mailgun.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import io.postyard.jdbc.JdbcMigration;
import io.postyard.jdbc.PostyardDatabase;
import io.postyard.jdbc.RowWrites;
import io.postyard.mailgun.tag.DomainTag;
import io.postyard.mailgun.tag.TagStore;

/** A row per domain and tag; a sighting widens the row's range in one UPDATE, so concurrent sightings never lose one. */
public class JdbcTagStore implements TagStore {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("mailgun_tags");
    private static final String SELECT = "SELECT domain, tag, description, first_seen, last_seen FROM mailgun_tags ";
    private static final RowMapper<DomainTag> TAG = (row, context) -> new DomainTag(Domain.of(row.getString("domain")),
        row.getString("tag"), row.getString("description"), Instant.ofEpochMilli(row.getLong("first_seen")),
        Instant.ofEpochMilli(row.getLong("last_seen")));

    private final Jdbi jdbi;

    @Inject
    public JdbcTagStore(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcTagStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void seen(Domain domain, String tag, Instant at) {
        long millis = at.toEpochMilli();
        RowWrites.upsert(jdbi,
            handle -> handle.createUpdate("UPDATE mailgun_tags SET first_seen = LEAST(first_seen, :at), "
                    + "last_seen = GREATEST(last_seen, :at) WHERE domain = :domain AND tag = :tag")
                .bind("domain", domain.asString()).bind("tag", tag).bind("at", millis).execute(),
            handle -> handle.createUpdate("INSERT INTO mailgun_tags (domain, tag, description, first_seen, last_seen) "
                    + "VALUES (:domain, :tag, '', :at, :at)")
                .bind("domain", domain.asString()).bind("tag", tag).bind("at", millis).execute());
    }

    @Override
    public Optional<DomainTag> get(Domain domain, String tag) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "WHERE domain = :domain AND tag = :tag")
            .bind("domain", domain.asString()).bind("tag", tag)
            .map(TAG).findOne());
    }

    @Override
    public boolean describe(Domain domain, String tag, String description) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE mailgun_tags SET description = :description "
                + "WHERE domain = :domain AND tag = :tag")
            .bind("domain", domain.asString()).bind("tag", tag).bind("description", description)
            .execute()) > 0;
    }

    @Override
    public boolean delete(Domain domain, String tag) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM mailgun_tags WHERE domain = :domain AND tag = :tag")
            .bind("domain", domain.asString()).bind("tag", tag)
            .execute()) > 0;
    }

    @Override
    public void deleteAll(Domain domain) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM mailgun_tags WHERE domain = :domain")
            .bind("domain", domain.asString()).execute());
    }

    @Override
    public List<DomainTag> after(Domain domain, Optional<String> after, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "WHERE domain = :domain"
                + (after.isPresent() ? " AND tag > :pivot" : "") + " ORDER BY domain, tag LIMIT :limit")
            .bind("domain", domain.asString()).bind("pivot", after.orElse("")).bind("limit", limit)
            .map(TAG).list());
    }
}
