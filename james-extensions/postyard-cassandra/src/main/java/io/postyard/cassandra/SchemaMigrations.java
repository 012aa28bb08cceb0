package io.postyard.cassandra;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;

/** Brings every component's tables to its newest version, recording each component's version in {@code schema_versions}. */
public final class SchemaMigrations {
    private static final Logger LOGGER = LoggerFactory.getLogger(SchemaMigrations.class);

    public static void apply(CqlSession session, List<SchemaMigration> migrations) {
        session.execute("CREATE TABLE IF NOT EXISTS schema_versions (component text PRIMARY KEY, version int)");
        migrations.stream()
            .sorted(Comparator.comparing(SchemaMigration::component).thenComparingInt(SchemaMigration::version))
            .forEach(migration -> {
                int current = currentVersion(session, migration.component());
                if (migration.version() > current) {
                    migration.statements().forEach(session::execute);
                    session.execute("INSERT INTO schema_versions (component, version) VALUES (?, ?)", migration.component(), migration.version());
                    LOGGER.info("Cassandra schema of {} at version {}", migration.component(), migration.version());
                }
            });
    }

    private static int currentVersion(CqlSession session, String component) {
        return Optional.ofNullable(session.execute("SELECT version FROM schema_versions WHERE component = ?", component).one())
            .map((Row row) -> row.getInt("version"))
            .orElse(0);
    }

    private SchemaMigrations() {
    }
}
