package io.postyard.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;

import io.postyard.core.suppression.Suppression;
import io.postyard.core.suppression.SuppressionStore;
import io.postyard.core.suppression.SuppressionType;
import io.postyard.core.suppression.WhitelistKind;

/**
 * Suppression lists in one table keyed by domain, type and key. Pages are keyset reads from a position: the primary
 * key gives the rows after (or before) it in key order, and LIMIT stops there, so a page costs the same at the start
 * of a list of a million entries as at its end. Keys are in the order of the database's collation: as in memory on
 * H2 and on a PostgreSQL database created with the C collation; under another collation, in its order, pages are
 * still free of gaps and duplicates.
 */
public class JdbcSuppressionStore implements SuppressionStore {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("suppressions");
    private static final String SELECT = "SELECT domain, list_type, entry_value, code, reason, tags, whitelist_kind, created_at "
        + "FROM suppressions WHERE domain = :domain AND list_type = :type ";
    private static final RowMapper<Suppression> SUPPRESSION = (row, context) -> new Suppression(Domain.of(row.getString("domain")),
        SuppressionType.valueOf(row.getString("list_type")), row.getString("entry_value"), Optional.ofNullable(row.getString("code")),
        Optional.ofNullable(row.getString("reason")), Columns.strings(row.getString("tags")),
        Optional.ofNullable(row.getString("whitelist_kind")).map(WhitelistKind::valueOf), Instant.ofEpochMilli(row.getLong("created_at")));

    private final Jdbi jdbi;

    @Inject
    public JdbcSuppressionStore(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcSuppressionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void put(Suppression suppression) {
        RowWrites.upsert(jdbi,
            handle -> bind(handle.createUpdate("UPDATE suppressions SET entry_value = :value, code = :code, reason = :reason, "
                + "tags = :tags, whitelist_kind = :whitelistKind, created_at = :createdAt "
                + "WHERE domain = :domain AND list_type = :type AND entry_key = :key"), suppression).execute(),
            handle -> bind(handle.createUpdate("INSERT INTO suppressions (domain, list_type, entry_key, entry_value, code, reason, tags, "
                + "whitelist_kind, created_at) VALUES (:domain, :type, :key, :value, :code, :reason, :tags, :whitelistKind, :createdAt)"),
                suppression).execute());
    }

    @Override
    public Optional<Suppression> get(Domain domain, SuppressionType type, String key) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "AND entry_key = :key")
            .bind("domain", domain.asString())
            .bind("type", type.name())
            .bind("key", key)
            .map(SUPPRESSION)
            .findOne());
    }

    @Override
    public boolean delete(Domain domain, SuppressionType type, String key) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM suppressions WHERE domain = :domain AND list_type = :type "
                + "AND entry_key = :key")
            .bind("domain", domain.asString())
            .bind("type", type.name())
            .bind("key", key)
            .execute()) > 0;
    }

    @Override
    public void deleteAll(Domain domain, SuppressionType type) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM suppressions WHERE domain = :domain AND list_type = :type")
            .bind("domain", domain.asString())
            .bind("type", type.name())
            .execute());
    }

    @Override
    public List<Suppression> after(Domain domain, SuppressionType type, Optional<String> afterKey, int limit) {
        return page(domain, type, Direction.AFTER, afterKey, limit);
    }

    @Override
    public List<Suppression> before(Domain domain, SuppressionType type, Optional<String> beforeKey, int limit) {
        List<Suppression> lastFirst = new ArrayList<>(page(domain, type, Direction.BEFORE, beforeKey, limit));
        Collections.reverse(lastFirst);
        return List.copyOf(lastFirst);
    }

    private List<Suppression> page(Domain domain, SuppressionType type, Direction direction, Optional<String> from, int limit) {
        String bound = from.map(key -> "AND entry_key " + direction.comparison + " :key ").orElse("");
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery(SELECT + bound + direction.order + " LIMIT :limit")
                .bind("domain", domain.asString())
                .bind("type", type.name())
                .bind("limit", limit);
            from.ifPresent(key -> query.bind("key", key));
            return query.map(SUPPRESSION).list();
        });
    }

    private static <S extends SqlStatement<S>> S bind(S statement, Suppression suppression) {
        return statement.bind("domain", suppression.domain().asString())
            .bind("type", suppression.type().name())
            .bind("key", suppression.key())
            .bind("value", suppression.value())
            .bind("code", suppression.code().orElse(null))
            .bind("reason", suppression.reason().orElse(null))
            .bind("tags", Columns.json(suppression.tags()))
            .bind("whitelistKind", suppression.whitelistKind().map(WhitelistKind::name).orElse(null))
            .bind("createdAt", suppression.createdAt().toEpochMilli());
    }

    /**
     * Which way a page is read from its position. Rows are ordered by every column of the primary key, not by the key
     * alone, so that H2 as well as PostgreSQL reads them in index order and stops at the limit instead of sorting.
     */
    private enum Direction {
        AFTER(">", "ORDER BY domain, list_type, entry_key"),
        BEFORE("<", "ORDER BY domain DESC, list_type DESC, entry_key DESC");

        private final String comparison;
        private final String order;

        Direction(String comparison, String order) {
            this.comparison = comparison;
            this.order = order;
        }
    }
}
