package io.postyard.cassandra;

import java.util.List;
import java.util.Set;

import javax.annotation.PreDestroy;
import javax.inject.Inject;

import com.datastax.oss.driver.api.core.CqlSession;

import io.postyard.core.settings.PostyardSettings;

/**
 * The session of Postyard's stores, with the schema every store module contributes applied; closed with the server,
 * so a restart in the same JVM leaks none.
 */
public class PostyardCassandraSession {
    private final CqlSession session;

    @Inject
    public PostyardCassandraSession(PostyardSettings settings, Set<SchemaMigration> schema) {
        this.session = CassandraSessions.open(CassandraConfiguration.from(settings));
        SchemaMigrations.apply(session, List.copyOf(schema));
    }

    public CqlSession session() {
        return session;
    }

    @PreDestroy
    public void close() {
        session.close();
    }
}
