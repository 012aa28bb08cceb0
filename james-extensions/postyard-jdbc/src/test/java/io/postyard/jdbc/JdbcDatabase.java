package io.postyard.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The SQL database of this JVM's store tests: an in-memory H2 database, or a new schema in the one
 * {@code POSTYARD_TEST_JDBC_URL} names (PostgreSQL, with {@code POSTYARD_TEST_JDBC_USERNAME} and {@code _PASSWORD}),
 * dropped at exit. Made once; each test class
 * applies its stores' migrations. Tables are never emptied between tests: the store contracts keep each test's data
 * apart instead.
 */
public class JdbcDatabase implements BeforeAllCallback {
    private static PostyardDatabase shared;

    private final List<JdbcMigration> schema;

    public JdbcDatabase(JdbcMigration... schema) {
        this.schema = List.of(schema);
    }

    public Jdbi jdbi() {
        return shared.jdbi();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (JdbcDatabase.class) {
            if (shared == null) {
                shared = new PostyardDatabase(configuration(), List.of());
                Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
            }
        }
        JdbcMigrations.apply(shared.dataSource(), schema);
    }

    private static JdbcConfiguration configuration() {
        return Optional.ofNullable(System.getenv("POSTYARD_TEST_JDBC_URL")).filter(url -> !url.isBlank())
            .map(JdbcDatabase::freshSchema)
            .orElseGet(() -> new JdbcConfiguration("jdbc:h2:mem:postyard-tests;DB_CLOSE_DELAY=-1", Optional.empty(), Optional.empty(), 4));
    }

    /**
     * A schema of this JVM's own in the PostgreSQL database, as the in-memory H2 database is new in each JVM: the
     * contracts that scan a whole table (expiry scans) see only this run's rows, and runs never meet.
     */
    private static JdbcConfiguration freshSchema(String url) {
        Optional<String> username = Optional.ofNullable(System.getenv("POSTYARD_TEST_JDBC_USERNAME"));
        Optional<String> password = Optional.ofNullable(System.getenv("POSTYARD_TEST_JDBC_PASSWORD"));
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(url, username.orElse(null), password.orElse(null));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test schema in " + url, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchema(url, username, password, schema)));
        String separator = url.contains("?") ? "&" : "?";
        return new JdbcConfiguration(url + separator + "currentSchema=" + schema, username, password, 4);
    }

    private static void dropSchema(String url, Optional<String> username, Optional<String> password, String schema) {
        try (Connection connection = DriverManager.getConnection(url, username.orElse(null), password.orElse(null));
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("Could not drop the test schema " + schema + ": " + e.getMessage());
        }
    }
}
