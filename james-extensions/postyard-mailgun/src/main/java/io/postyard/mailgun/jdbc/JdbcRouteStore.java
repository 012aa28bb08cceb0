package io.postyard.mailgun.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import io.postyard.core.account.AccountId;
import io.postyard.http.Json;
import io.postyard.jdbc.JdbcMigration;
import io.postyard.jdbc.PostyardDatabase;
import io.postyard.mailgun.route.MailgunRoute;
import io.postyard.mailgun.route.RouteStore;

/** A row per route; an account's routes come in evaluation order from the index on (account, priority, created_at, id). */
public class JdbcRouteStore implements RouteStore {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("mailgun_routes");
    private static final String COLUMNS = "id, account, priority, description, expression, actions, created_at";
    private static final RowMapper<MailgunRoute> ROUTE = (row, context) -> new MailgunRoute(row.getString("id"),
        new AccountId(row.getString("account")), row.getInt("priority"), row.getString("description"), row.getString("expression"),
        actions(row.getString("actions")), Instant.ofEpochMilli(row.getLong("created_at")));

    private final Jdbi jdbi;

    @Inject
    public JdbcRouteStore(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcRouteStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(MailgunRoute route) {
        jdbi.useHandle(handle -> bind(handle.createUpdate("INSERT INTO mailgun_routes (" + COLUMNS + ") VALUES "
            + "(:id, :account, :priority, :description, :expression, :actions, :createdAt)"), route).execute());
    }

    @Override
    public Optional<MailgunRoute> get(AccountId account, String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM mailgun_routes WHERE id = :id AND account = :account")
            .bind("id", id).bind("account", account.value())
            .map(ROUTE).findOne());
    }

    @Override
    public List<MailgunRoute> list(AccountId account) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM mailgun_routes WHERE account = :account "
                + "ORDER BY account, priority, created_at, id")
            .bind("account", account.value())
            .map(ROUTE).list());
    }

    @Override
    public boolean update(MailgunRoute route) {
        return jdbi.withHandle(handle -> bind(handle.createUpdate("UPDATE mailgun_routes SET priority = :priority, "
            + "description = :description, expression = :expression, actions = :actions, created_at = :createdAt "
            + "WHERE id = :id AND account = :account"), route).execute()) > 0;
    }

    @Override
    public boolean delete(AccountId account, String id) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM mailgun_routes WHERE id = :id AND account = :account")
            .bind("id", id).bind("account", account.value()).execute()) > 0;
    }

    private static <S extends SqlStatement<S>> S bind(S statement, MailgunRoute route) {
        return statement.bind("id", route.id())
            .bind("account", route.account().value())
            .bind("priority", route.priority())
            .bind("description", route.description())
            .bind("expression", route.expression())
            .bind("actions", Json.write(route.actions()))
            .bind("createdAt", route.createdAt().toEpochMilli());
    }

    private static List<String> actions(String json) {
        try {
            return Json.MAPPER.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable route actions", e);
        }
    }
}
