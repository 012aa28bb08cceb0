package io.postyard.opensrs.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

import io.postyard.cassandra.JsonAttributes;
import io.postyard.jdbc.Columns;
import io.postyard.jdbc.JdbcMigration;
import io.postyard.jdbc.PostyardDatabase;
import io.postyard.jdbc.RowWrites;
import io.postyard.opensrs.store.AdminRole;
import io.postyard.opensrs.store.HostedUser;
import io.postyard.opensrs.store.HostedUserStore;
import io.postyard.opensrs.store.UserStatus;

/**
 * Hosted users, a row per name: the primary key lets one creation of a name win. Indexes serve the other lookups: a
 * domain's users in name order, a renamed user by its former name, and deleted users by deletion, so the retention
 * purge reads only those due, up to its limit. Being one row, a user and its index entries never disagree.
 */
public class JdbcHostedUserStore implements HostedUserStore {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("oma_users");
    private static final String SELECT = "SELECT user_name, company, status, role_kind, role_objects, attributes, created_at, deleted_at, "
        + "former_name FROM oma_users ";
    private static final RowMapper<HostedUser> USER = (row, context) -> new HostedUser(Username.of(row.getString("user_name")),
        row.getString("company"), UserStatus.valueOf(row.getString("status")),
        new AdminRole(AdminRole.Kind.valueOf(row.getString("role_kind")), Columns.stringSet(row.getString("role_objects"))),
        JsonAttributes.read(row.getString("attributes")), Instant.ofEpochMilli(row.getLong("created_at")), Columns.instant(row, "deleted_at"),
        Optional.ofNullable(row.getString("former_name")).map(Username::of));

    private final Jdbi jdbi;

    @Inject
    public JdbcHostedUserStore(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcHostedUserStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean insertIfAbsent(HostedUser user) {
        return RowWrites.insertIfAbsent(jdbi, handle -> insert(handle, user));
    }

    @Override
    public void save(HostedUser user) {
        RowWrites.upsert(jdbi,
            handle -> bind(handle.createUpdate("UPDATE oma_users SET domain = :domain, company = :company, status = :status, "
                + "role_kind = :roleKind, role_objects = :roleObjects, attributes = :attributes, created_at = :createdAt, "
                + "deleted_at = :deletedAt, former_name = :formerName WHERE user_name = :name"), user).execute(),
            handle -> insert(handle, user));
    }

    @Override
    public Optional<HostedUser> get(Username name) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "WHERE user_name = :name")
            .bind("name", name.asString())
            .map(USER)
            .findOne());
    }

    @Override
    public Optional<HostedUser> byFormerName(Username formerName) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "WHERE former_name = :formerName ORDER BY former_name, user_name LIMIT 1")
            .bind("formerName", formerName.asString())
            .map(USER)
            .findOne());
    }

    @Override
    public List<HostedUser> list(Domain domain) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "WHERE domain = :domain ORDER BY domain, user_name")
            .bind("domain", domain.asString())
            .map(USER)
            .list());
    }

    /** The oldest deletions first, so a scan cut short by its limit leaves the younger ones for the next. */
    @Override
    public List<HostedUser> deletedBefore(Instant instant, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "WHERE deleted_at < :instant ORDER BY deleted_at, user_name LIMIT :limit")
            .bind("instant", instant.toEpochMilli())
            .bind("limit", limit)
            .map(USER)
            .list());
    }

    @Override
    public void delete(Username name) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM oma_users WHERE user_name = :name")
            .bind("name", name.asString())
            .execute());
    }

    private static void insert(Handle handle, HostedUser user) {
        bind(handle.createUpdate("INSERT INTO oma_users (user_name, domain, company, status, role_kind, role_objects, attributes, "
            + "created_at, deleted_at, former_name) VALUES (:name, :domain, :company, :status, :roleKind, :roleObjects, :attributes, "
            + ":createdAt, :deletedAt, :formerName)"), user).execute();
    }

    private static Update bind(Update statement, HostedUser user) {
        return statement.bind("name", user.name().asString())
            .bind("domain", user.domain().asString())
            .bind("company", user.company())
            .bind("status", user.status().name())
            .bind("roleKind", user.role().kind().name())
            .bind("roleObjects", Columns.json(user.role().objects()))
            .bind("attributes", JsonAttributes.write(user.attributes()))
            .bind("createdAt", user.createdAt().toEpochMilli())
            .bind("deletedAt", Columns.millis(user.deletedAt()))
            .bind("formerName", user.formerName().map(Username::asString).orElse(null));
    }
}
