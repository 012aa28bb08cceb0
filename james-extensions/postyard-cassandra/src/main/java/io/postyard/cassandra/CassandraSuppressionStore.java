package io.postyard.cassandra;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Domain;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import io.postyard.core.suppression.Suppression;
import io.postyard.core.suppression.SuppressionStore;
import io.postyard.core.suppression.SuppressionType;
import io.postyard.core.suppression.WhitelistKind;

/**
 * One partition per list (domain and type), clustered by key: a page is one slice read from a position, however
 * long the list, and the check made for every recipient is a single-row read.
 */
public class CassandraSuppressionStore implements SuppressionStore {
    public static final SchemaMigration SCHEMA = new SchemaMigration("suppressions", 1, List.of(
        "CREATE TABLE IF NOT EXISTS suppressions (domain text, type text, key text, value text, code text, reason text, "
            + "tags list<text>, whitelist_kind text, created_at timestamp, PRIMARY KEY ((domain, type), key)) "
            + "WITH CLUSTERING ORDER BY (key ASC)"));
    private static final String COLUMNS = "value, code, reason, tags, whitelist_kind, created_at";

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement select;
    private final PreparedStatement delete;
    private final PreparedStatement deleteList;
    private final PreparedStatement first;
    private final PreparedStatement after;
    private final PreparedStatement last;
    private final PreparedStatement before;

    @Inject
    public CassandraSuppressionStore(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
        this.insert = session.prepare("INSERT INTO suppressions (domain, type, key, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.select = session.prepare("SELECT " + COLUMNS + " FROM suppressions WHERE domain = ? AND type = ? AND key = ?");
        this.delete = session.prepare("DELETE FROM suppressions WHERE domain = ? AND type = ? AND key = ?");
        this.deleteList = session.prepare("DELETE FROM suppressions WHERE domain = ? AND type = ?");
        this.first = session.prepare("SELECT " + COLUMNS + " FROM suppressions WHERE domain = ? AND type = ? LIMIT ?");
        this.after = session.prepare("SELECT " + COLUMNS + " FROM suppressions WHERE domain = ? AND type = ? AND key > ? LIMIT ?");
        this.last = session.prepare("SELECT " + COLUMNS + " FROM suppressions WHERE domain = ? AND type = ? ORDER BY key DESC LIMIT ?");
        this.before = session.prepare("SELECT " + COLUMNS + " FROM suppressions WHERE domain = ? AND type = ? AND key < ? "
            + "ORDER BY key DESC LIMIT ?");
    }

    @Override
    public void put(Suppression suppression) {
        session.execute(insert.bind(suppression.domain().asString(), suppression.type().name(), suppression.key(), suppression.value(),
            suppression.code().orElse(null), suppression.reason().orElse(null), suppression.tags(),
            suppression.whitelistKind().map(WhitelistKind::name).orElse(null), suppression.createdAt()));
    }

    @Override
    public Optional<Suppression> get(Domain domain, SuppressionType type, String key) {
        return Optional.ofNullable(session.execute(select.bind(domain.asString(), type.name(), key)).one())
            .map(row -> suppression(domain, type, row));
    }

    /** Read, then an ordinary delete: see "Deletes that tell what they deleted" in docs/cassandra-stores.md. */
    @Override
    public boolean delete(Domain domain, SuppressionType type, String key) {
        boolean existed = get(domain, type, key).isPresent();
        session.execute(delete.bind(domain.asString(), type.name(), key));
        return existed;
    }

    @Override
    public void deleteAll(Domain domain, SuppressionType type) {
        session.execute(deleteList.bind(domain.asString(), type.name()));
    }

    @Override
    public List<Suppression> after(Domain domain, SuppressionType type, Optional<String> afterKey, int limit) {
        var rows = afterKey.isPresent()
            ? session.execute(after.bind(domain.asString(), type.name(), afterKey.get(), limit))
            : session.execute(first.bind(domain.asString(), type.name(), limit));
        List<Suppression> page = new ArrayList<>();
        rows.forEach(row -> page.add(suppression(domain, type, row)));
        return List.copyOf(page);
    }

    @Override
    public List<Suppression> before(Domain domain, SuppressionType type, Optional<String> beforeKey, int limit) {
        var rows = beforeKey.isPresent()
            ? session.execute(before.bind(domain.asString(), type.name(), beforeKey.get(), limit))
            : session.execute(last.bind(domain.asString(), type.name(), limit));
        List<Suppression> page = new ArrayList<>();
        rows.forEach(row -> page.add(suppression(domain, type, row)));
        Collections.reverse(page);
        return List.copyOf(page);
    }

    private static Suppression suppression(Domain domain, SuppressionType type, Row row) {
        return new Suppression(domain, type, row.getString("value"), Optional.ofNullable(row.getString("code")),
            Optional.ofNullable(row.getString("reason")), row.getList("tags", String.class),
            Optional.ofNullable(row.getString("whitelist_kind")).map(WhitelistKind::valueOf), row.getInstant("created_at"));
    }
}
