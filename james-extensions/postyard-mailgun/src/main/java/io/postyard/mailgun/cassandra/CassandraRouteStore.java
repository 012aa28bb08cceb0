package io.postyard.mailgun.cassandra;

import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import io.postyard.cassandra.CqlRows;
import io.postyard.cassandra.PostyardSession;
import io.postyard.cassandra.SchemaMigration;
import io.postyard.core.account.AccountId;
import io.postyard.mailgun.route.MailgunRoute;
import io.postyard.mailgun.route.RouteStore;

/** One partition per account, clustered by id; an account's routes (a few hundred at most) are sorted when read. */
public class CassandraRouteStore implements RouteStore {
    private static final String COLUMNS = "id, priority, description, expression, actions, created_at";
    public static final SchemaMigration SCHEMA = new SchemaMigration("mailgun_routes", 1, List.of(
        "CREATE TABLE IF NOT EXISTS mailgun_routes (account text, id text, priority int, description text, expression text, "
            + "actions list<text>, created_at timestamp, PRIMARY KEY (account, id))"));

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement update;
    private final PreparedStatement select;
    private final PreparedStatement all;
    private final PreparedStatement delete;

    @Inject
    public CassandraRouteStore(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
        this.insert = session.prepare("INSERT INTO mailgun_routes (account, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)");
        this.update = session.prepare("UPDATE mailgun_routes SET priority = ?, description = ?, expression = ?, actions = ?, "
            + "created_at = ? WHERE account = ? AND id = ? IF EXISTS");
        this.select = session.prepare("SELECT " + COLUMNS + " FROM mailgun_routes WHERE account = ? AND id = ?");
        this.all = session.prepare("SELECT " + COLUMNS + " FROM mailgun_routes WHERE account = ?");
        this.delete = session.prepare("DELETE FROM mailgun_routes WHERE account = ? AND id = ? IF EXISTS");
    }

    @Override
    public void insert(MailgunRoute route) {
        session.execute(insert.bind(route.account().value(), route.id(), route.priority(), route.description(), route.expression(),
            route.actions(), route.createdAt()));
    }

    @Override
    public Optional<MailgunRoute> get(AccountId account, String id) {
        return CqlRows.one(session.execute(select.bind(account.value(), id)), row -> route(account, row));
    }

    @Override
    public List<MailgunRoute> list(AccountId account) {
        return CqlRows.list(session.execute(all.bind(account.value())), row -> route(account, row)).stream()
            .sorted(MailgunRoute.EVALUATION_ORDER).toList();
    }

    @Override
    public boolean update(MailgunRoute route) {
        return session.execute(update.bind(route.priority(), route.description(), route.expression(), route.actions(),
            route.createdAt(), route.account().value(), route.id())).wasApplied();
    }

    @Override
    public boolean delete(AccountId account, String id) {
        return session.execute(delete.bind(account.value(), id)).wasApplied();
    }

    private static MailgunRoute route(AccountId account, Row row) {
        return new MailgunRoute(row.getString("id"), account, row.getInt("priority"), row.getString("description"),
            row.getString("expression"), row.getList("actions", String.class), row.getInstant("created_at"));
    }
}
