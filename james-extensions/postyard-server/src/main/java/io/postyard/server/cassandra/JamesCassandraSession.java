package io.postyard.server.cassandra;

import javax.annotation.PreDestroy;
import javax.inject.Inject;

import org.apache.james.backends.cassandra.components.CassandraModule;
import org.apache.james.backends.cassandra.init.SessionWithInitializedTablesFactory;

import com.datastax.oss.driver.api.core.CqlSession;

import io.postyard.cassandra.CassandraConfiguration;
import io.postyard.cassandra.CassandraSessions;
import io.postyard.core.settings.PostyardSettings;

/**
 * James's session, on {@code <keyspace>_james} with every James component's tables created; closed with the server.
 */
public class JamesCassandraSession {
    public static final String KEYSPACE_SUFFIX = "_james";

    private final CqlSession session;

    @Inject
    public JamesCassandraSession(PostyardSettings settings, CassandraModule tables) {
        CassandraConfiguration postyard = CassandraConfiguration.from(settings);
        CqlSession opened = new TableOptionsCompatibleSession(CassandraSessions.open(postyard.withKeyspace(postyard.keyspace() + KEYSPACE_SUFFIX)));
        this.session = new SessionWithInitializedTablesFactory(opened, tables).get();
    }

    public CqlSession session() {
        return session;
    }

    @PreDestroy
    public void close() {
        session.close();
    }
}
