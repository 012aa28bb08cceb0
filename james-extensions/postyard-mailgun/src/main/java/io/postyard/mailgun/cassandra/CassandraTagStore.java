package io.postyard.mailgun.cassandra;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Domain;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import io.postyard.cassandra.CqlRows;
import io.postyard.cassandra.PostyardSession;
import io.postyard.cassandra.SchemaMigration;
import io.postyard.mailgun.tag.DomainTag;
import io.postyard.mailgun.tag.TagStore;

/**
 * One partition per domain, clustered by tag, so pages are slices from a tag. A sighting reads the row and writes the
 * widened range: two racing sightings may keep the narrower one, which only moves a first or last seen by the time
 * between them.
 */
public class CassandraTagStore implements TagStore {
    private static final String COLUMNS = "tag, description, first_seen, last_seen";
    public static final SchemaMigration SCHEMA = new SchemaMigration("mailgun_tags", 1, List.of(
        "CREATE TABLE IF NOT EXISTS mailgun_tags (domain text, tag text, description text, first_seen timestamp, "
            + "last_seen timestamp, PRIMARY KEY (domain, tag))"));

    private final CqlSession session;
    private final PreparedStatement widen;
    private final PreparedStatement select;
    private final PreparedStatement describe;
    private final PreparedStatement delete;
    private final PreparedStatement deleteDomain;
    private final PreparedStatement first;
    private final PreparedStatement after;

    @Inject
    public CassandraTagStore(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
        this.widen = session.prepare("UPDATE mailgun_tags SET first_seen = ?, last_seen = ? WHERE domain = ? AND tag = ?");
        this.select = session.prepare("SELECT " + COLUMNS + " FROM mailgun_tags WHERE domain = ? AND tag = ?");
        this.describe = session.prepare("UPDATE mailgun_tags SET description = ? WHERE domain = ? AND tag = ? IF EXISTS");
        this.delete = session.prepare("DELETE FROM mailgun_tags WHERE domain = ? AND tag = ? IF EXISTS");
        this.deleteDomain = session.prepare("DELETE FROM mailgun_tags WHERE domain = ?");
        this.first = session.prepare("SELECT " + COLUMNS + " FROM mailgun_tags WHERE domain = ? LIMIT ?");
        this.after = session.prepare("SELECT " + COLUMNS + " FROM mailgun_tags WHERE domain = ? AND tag > ? LIMIT ?");
    }

    @Override
    public void seen(Domain domain, String tag, Instant at) {
        DomainTag widened = get(domain, tag).map(existing -> existing.seenAt(at))
            .orElseGet(() -> new DomainTag(domain, tag, "", at, at));
        session.execute(widen.bind(widened.firstSeen(), widened.lastSeen(), domain.asString(), tag));
    }

    @Override
    public Optional<DomainTag> get(Domain domain, String tag) {
        return CqlRows.one(session.execute(select.bind(domain.asString(), tag)), row -> tag(domain, row));
    }

    @Override
    public boolean describe(Domain domain, String tag, String description) {
        return session.execute(describe.bind(description, domain.asString(), tag)).wasApplied();
    }

    @Override
    public boolean delete(Domain domain, String tag) {
        return session.execute(delete.bind(domain.asString(), tag)).wasApplied();
    }

    @Override
    public void deleteAll(Domain domain) {
        session.execute(deleteDomain.bind(domain.asString()));
    }

    @Override
    public List<DomainTag> after(Domain domain, Optional<String> pivot, int limit) {
        return CqlRows.list(session.execute(pivot.map(value -> after.bind(domain.asString(), value, limit))
            .orElseGet(() -> first.bind(domain.asString(), limit))), row -> tag(domain, row));
    }

    private static DomainTag tag(Domain domain, Row row) {
        return new DomainTag(domain, row.getString("tag"), Optional.ofNullable(row.getString("description")).orElse(""),
            row.getInstant("first_seen"), row.getInstant("last_seen"));
    }
}
