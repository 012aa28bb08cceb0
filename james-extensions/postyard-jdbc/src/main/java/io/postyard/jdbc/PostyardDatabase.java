package io.postyard.jdbc;

import java.util.List;
import java.util.Set;

import javax.annotation.PreDestroy;
import javax.inject.Inject;
import javax.sql.DataSource;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.postyard.core.settings.PostyardSettings;

/**
 * The pool of connections to Postyard's SQL database, with the schema every store module contributes brought up to
 * date first; closed with the server.
 */
public class PostyardDatabase {
    private static final Logger LOGGER = LoggerFactory.getLogger(PostyardDatabase.class);

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final AutoCloseable housekeeping;

    @Inject
    public PostyardDatabase(PostyardSettings settings, Set<JdbcMigration> schema) {
        this(JdbcConfiguration.from(settings), List.copyOf(schema));
    }

    public PostyardDatabase(JdbcConfiguration configuration, List<JdbcMigration> schema) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(configuration.url());
        configuration.username().ifPresent(pool::setUsername);
        configuration.password().ifPresent(pool::setPassword);
        pool.setMaximumPoolSize(configuration.poolSize());
        pool.setPoolName("postyard-jdbc");
        pool.setExceptionOverrideClassName(EvictClosedH2Connections.class.getName());
        this.dataSource = new HikariDataSource(pool);
        JdbcMigrations.apply(dataSource, schema);
        this.jdbi = Jdbi.create(dataSource);
        this.housekeeping = H2Housekeeping.start(dataSource, configuration.url());
        LOGGER.info("Postyard's stores on {}", configuration.printableUrl());
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Whether this is the embedded H2 database (or another H2 a URL names), whose SQL dialect differs. */
    public boolean isH2() {
        return dataSource.getJdbcUrl().startsWith("jdbc:h2:");
    }

    @PreDestroy
    public void close() {
        try {
            housekeeping.close();
        } catch (Exception e) {
            LOGGER.warn("Could not stop the database's housekeeping", e);
        }
        dataSource.close();
    }
}
