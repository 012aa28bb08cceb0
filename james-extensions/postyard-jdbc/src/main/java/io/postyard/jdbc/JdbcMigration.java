package io.postyard.jdbc;

import java.util.Objects;

/**
 * The versioned SQL scripts of one component ({@code V1__accounts.sql}, ... under {@code location}, a classpath
 * folder), contributed by the module that owns the component's store. Each component keeps its own history table, so
 * each numbers its versions alone, as with the Cassandra schema.
 */
public record JdbcMigration(String component, String location) {
    public JdbcMigration {
        Objects.requireNonNull(component);
        Objects.requireNonNull(location);
        if (!component.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("A component is named in lower case letters, digits and underscores: " + component);
        }
    }

    /** The scripts in {@code db/postyard/<component>} on the classpath. */
    public static JdbcMigration of(String component) {
        return new JdbcMigration(component, "classpath:db/postyard/" + component);
    }
}
