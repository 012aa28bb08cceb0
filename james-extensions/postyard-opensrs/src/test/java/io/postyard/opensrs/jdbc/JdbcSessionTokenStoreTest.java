package io.postyard.opensrs.jdbc;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.jdbc.JdbcDatabase;
import io.postyard.opensrs.store.SessionTokenStore;
import io.postyard.opensrs.store.SessionTokenStoreContract;

class JdbcSessionTokenStoreTest extends SessionTokenStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcSessionTokenStore.SCHEMA);

    /**
     * The contract counts every expired token of the store and expects only its own, so the store
     * must be as new as the JVM, as a Cassandra keyspace is. A PostgreSQL test database outlives the JVM: an earlier
     * run's rows go first.
     */
    @BeforeAll
    static void forgetEarlierRuns() {
        database.jdbi().useHandle(handle -> handle.execute("DELETE FROM oma_session_tokens"));
    }

    private final SessionTokenStore store = new JdbcSessionTokenStore(database.jdbi());

    @Override
    protected SessionTokenStore store() {
        return store;
    }
}
