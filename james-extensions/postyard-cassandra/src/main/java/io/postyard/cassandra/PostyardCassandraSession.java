package io.postyard.cassandra;

import javax.annotation.PreDestroy;
import javax.inject.Inject;

import com.datastax.oss.driver.api.core.CqlSession;

import io.postyard.core.settings.PostyardSettings;

/** The session of Postyard's stores, schema applied; closed with the server, so a restart in the same JVM leaks none. */
public class PostyardCassandraSession {
    private final CqlSession session;

    @Inject
    public PostyardCassandraSession(PostyardSettings settings) {
        this.session = CassandraSessions.open(CassandraConfiguration.from(settings));
        SchemaMigrations.apply(session, CassandraSchema.ALL);
    }

    public CqlSession session() {
        return session;
    }

    @PreDestroy
    public void close() {
        session.close();
    }
}
