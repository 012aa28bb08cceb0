package io.postyard.cassandra;

import java.time.Duration;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;

/** Opens a session on Postyard's keyspace, creating the keyspace first when it does not exist. */
public final class CassandraSessions {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    // Schema changes wait for every node to agree; a single loopback node agrees at once, a cluster takes longer.
    private static final Duration SCHEMA_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SCHEMA_REFRESH_WINDOW = Duration.ofMillis(20);
    // The driver tries a lost node again after 1 s, then doubles the wait up to this (60 s by default): mail and API
    // calls wait for the reconnection, so a node back after an outage is found within seconds, not a minute.
    private static final Duration RECONNECTION_MAX_DELAY = Duration.ofSeconds(5);

    public static CqlSession open(CassandraConfiguration configuration) {
        try (CqlSession bootstrap = builder(configuration).build()) {
            bootstrap.execute("CREATE KEYSPACE IF NOT EXISTS " + configuration.keyspace()
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': " + configuration.replicationFactor() + "}");
        }
        return builder(configuration).withKeyspace(CqlIdentifier.fromCql(configuration.keyspace())).build();
    }

    private static CqlSessionBuilder builder(CassandraConfiguration configuration) {
        CqlSessionBuilder builder = CqlSession.builder()
            .addContactPoints(configuration.contactPoints())
            .withLocalDatacenter(configuration.datacenter())
            .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, REQUEST_TIMEOUT)
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, SCHEMA_TIMEOUT)
                // The driver waits this long after a schema change before refreshing its view of the schema (1 s by
                // default): creating some hundred tables at first start would otherwise take minutes.
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, SCHEMA_REFRESH_WINDOW)
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, REQUEST_TIMEOUT)
                .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, RECONNECTION_MAX_DELAY)
                // The driver reads and writes at LOCAL_ONE by default: with a replication factor above one, a read
                // could miss a write just made. Quorums on both sides always overlap; a single node is its own quorum.
                .withString(DefaultDriverOption.REQUEST_CONSISTENCY, "LOCAL_QUORUM")
                .withString(DefaultDriverOption.REQUEST_SERIAL_CONSISTENCY, "LOCAL_SERIAL")
                .build());
        if (configuration.username().isPresent()) {
            builder = builder.withAuthCredentials(configuration.username().get(), configuration.password().orElse(""));
        }
        return builder;
    }

    private CassandraSessions() {
    }
}
