package io.postyard.jdbc;

import java.util.Collection;
import java.util.Comparator;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/** Brings every component's tables to its newest version with Flyway, one history table per component. */
public final class JdbcMigrations {
    public static void apply(DataSource dataSource, Collection<JdbcMigration> migrations) {
        migrations.stream()
            .sorted(Comparator.comparing(JdbcMigration::component))
            .forEach(migration -> Flyway.configure()
                .dataSource(dataSource)
                .locations(migration.location())
                .table("schema_" + migration.component())
                // The schema holds other components' tables already: this component's history starts before its V1.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate());
    }

    private JdbcMigrations() {
    }
}
