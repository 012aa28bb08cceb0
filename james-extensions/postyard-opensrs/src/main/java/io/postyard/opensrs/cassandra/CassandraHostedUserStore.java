package io.postyard.opensrs.cassandra;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import io.postyard.cassandra.CqlRows;
import io.postyard.cassandra.JsonAttributes;
import io.postyard.cassandra.ListedTable;
import io.postyard.cassandra.PostyardSession;
import io.postyard.cassandra.SchemaMigration;
import io.postyard.cassandra.TimeBucket;
import io.postyard.cassandra.TimeIndex;
import io.postyard.opensrs.store.AdminRole;
import io.postyard.opensrs.store.HostedUser;
import io.postyard.opensrs.store.HostedUserStore;
import io.postyard.opensrs.store.UserStatus;

/**
 * Users by name, created with a lightweight transaction; a copy per domain clustered by name, for listing; a lookup
 * table from a renamed user's former name; and deleted users in the {@link TimeIndex} by deletion, in daily buckets,
 * so the retention purge reads only the days that are due. Lookups check the user they lead to, so an entry left by an
 * interrupted write never answers wrongly.
 */
public class CassandraHostedUserStore implements HostedUserStore {
    private static final String COLUMNS = "name, domain, company, status, role_kind, role_objects, attributes, created_at, deleted_at, "
        + "former_name";
    private static final String USER_COLUMNS = "company text, status text, role_kind text, role_objects set<text>, attributes text, "
        + "created_at timestamp, deleted_at timestamp, former_name text";
    private static final String DELETED = "hosted-users-deleted";
    public static final SchemaMigration SCHEMA = new SchemaMigration("hosted_users", 1, List.of(
        "CREATE TABLE IF NOT EXISTS hosted_users (name text PRIMARY KEY, domain text, " + USER_COLUMNS + ")",
        "CREATE TABLE IF NOT EXISTS hosted_users_by_domain (domain text, name text, " + USER_COLUMNS + ", PRIMARY KEY (domain, name))",
        "CREATE TABLE IF NOT EXISTS hosted_users_by_former_name (former_name text PRIMARY KEY, name text)"));

    private final CqlSession session;
    private final TimeIndex deletions;
    private final ListedTable<HostedUser> users;
    private final PreparedStatement insertFormerName;
    private final PreparedStatement selectFormerName;
    private final PreparedStatement deleteFormerName;

    @Inject
    public CassandraHostedUserStore(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
        this.deletions = new TimeIndex(session, TimeBucket.DAY);
        this.users = new ListedTable<>(session, new ListedTable.Layout("hosted_users", "hosted_users_by_domain", List.of("domain", "name"), 1,
            COLUMNS), CassandraHostedUserStore::values, user -> new Object[] {user.domain().asString(), user.name().asString()},
            CassandraHostedUserStore::user);
        this.insertFormerName = session.prepare("INSERT INTO hosted_users_by_former_name (former_name, name) VALUES (?, ?)");
        this.selectFormerName = session.prepare("SELECT name FROM hosted_users_by_former_name WHERE former_name = ?");
        this.deleteFormerName = session.prepare("DELETE FROM hosted_users_by_former_name WHERE former_name = ?");
    }

    @Override
    public boolean insertIfAbsent(HostedUser user) {
        if (!users.insertIfAbsent(user)) {
            return false;
        }
        user.deletedAt().ifPresent(at -> deletions.add(DELETED, at, user.name().asString()));
        user.formerName().ifPresent(former -> session.execute(insertFormerName.bind(former.asString(), user.name().asString())));
        return true;
    }

    @Override
    public void save(HostedUser user) {
        Optional<HostedUser> previous = get(user.name());
        user.deletedAt().ifPresent(at -> deletions.add(DELETED, at, user.name().asString()));
        BatchStatementBuilder batch = users.save(user, previous);
        previous.flatMap(HostedUser::formerName).filter(former -> !user.formerName().equals(Optional.of(former)))
            .ifPresent(former -> batch.addStatement(deleteFormerName.bind(former.asString())));
        user.formerName().ifPresent(former -> batch.addStatement(insertFormerName.bind(former.asString(), user.name().asString())));
        session.execute(batch.build());
        previous.flatMap(HostedUser::deletedAt).filter(at -> !user.deletedAt().equals(Optional.of(at)))
            .ifPresent(at -> deletions.remove(DELETED, at, user.name().asString()));
    }

    @Override
    public Optional<HostedUser> get(Username name) {
        return users.get(name.asString());
    }

    @Override
    public Optional<HostedUser> byFormerName(Username formerName) {
        return CqlRows.one(session.execute(selectFormerName.bind(formerName.asString())), row -> Username.of(row.getString("name")))
            .flatMap(this::get)
            .filter(user -> user.formerName().equals(Optional.of(formerName)));
    }

    @Override
    public List<HostedUser> list(Domain domain) {
        return users.list(domain.asString());
    }

    @Override
    public List<HostedUser> deletedBefore(Instant instant, int limit) {
        return deletions.scan(DELETED, Instant.EPOCH, instant, false)
            .filter(entry -> entry.at().isBefore(instant))
            .flatMap(entry -> get(Username.of(entry.key())).filter(user -> user.deletedAt().equals(Optional.of(entry.at()))).stream())
            .limit(limit)
            .toList();
    }

    @Override
    public void delete(Username name) {
        get(name).ifPresent(user -> {
            BatchStatementBuilder batch = users.delete(user);
            user.formerName().ifPresent(former -> batch.addStatement(deleteFormerName.bind(former.asString())));
            session.execute(batch.build());
            user.deletedAt().ifPresent(at -> deletions.remove(DELETED, at, name.asString()));
        });
    }

    private static Object[] values(HostedUser user) {
        return new Object[] {user.name().asString(), user.domain().asString(), user.company(), user.status().name(), user.role().kind().name(),
            user.role().objects(), JsonAttributes.write(user.attributes()), user.createdAt(), user.deletedAt().orElse(null),
            user.formerName().map(Username::asString).orElse(null)};
    }

    private static HostedUser user(Row row) {
        return new HostedUser(Username.of(row.getString("name")), row.getString("company"), UserStatus.valueOf(row.getString("status")),
            new AdminRole(AdminRole.Kind.valueOf(row.getString("role_kind")), row.getSet("role_objects", String.class)),
            JsonAttributes.read(row.getString("attributes")), row.getInstant("created_at"), Optional.ofNullable(row.getInstant("deleted_at")),
            Optional.ofNullable(row.getString("former_name")).map(Username::of));
    }
}
