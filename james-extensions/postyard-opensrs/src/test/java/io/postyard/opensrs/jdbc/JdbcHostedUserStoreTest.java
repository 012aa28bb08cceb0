package io.postyard.opensrs.jdbc;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.jdbc.JdbcDatabase;
import io.postyard.opensrs.store.HostedUserStore;
import io.postyard.opensrs.store.HostedUserStoreContract;

class JdbcHostedUserStoreTest extends HostedUserStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcHostedUserStore.SCHEMA);

    /**
     * The contract's retention scans see every user of the store and expect only its own, so the store
     * must be as new as the JVM, as a Cassandra keyspace is. A PostgreSQL test database outlives the JVM: an earlier
     * run's rows go first.
     */
    @BeforeAll
    static void forgetEarlierRuns() {
        database.jdbi().useHandle(handle -> handle.execute("DELETE FROM oma_users"));
    }

    private final HostedUserStore store = new JdbcHostedUserStore(database.jdbi());

    @Override
    protected HostedUserStore store() {
        return store;
    }
}
