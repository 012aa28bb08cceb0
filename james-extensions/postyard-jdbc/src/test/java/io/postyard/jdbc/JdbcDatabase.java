package io.postyard.jdbc;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The SQL database of this JVM's store tests: an in-memory H2 database, or the one {@code POSTYARD_TEST_JDBC_URL}
 * names (PostgreSQL, with {@code POSTYARD_TEST_JDBC_USERNAME} and {@code _PASSWORD}). Made once; each test class
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
        return Optional.ofNullable(System.getenv("POSTYARD_TEST_JDBC_URL"))
            .map(url -> new JdbcConfiguration(url, Optional.ofNullable(System.getenv("POSTYARD_TEST_JDBC_USERNAME")),
                Optional.ofNullable(System.getenv("POSTYARD_TEST_JDBC_PASSWORD")), 4))
            .orElseGet(() -> new JdbcConfiguration("jdbc:h2:mem:postyard-tests;DB_CLOSE_DELAY=-1", Optional.empty(), Optional.empty(), 4));
    }
}
