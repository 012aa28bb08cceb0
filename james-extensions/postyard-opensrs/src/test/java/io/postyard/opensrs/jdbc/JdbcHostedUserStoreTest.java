package io.postyard.opensrs.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.jdbc.JdbcDatabase;
import io.postyard.opensrs.store.HostedUserStore;
import io.postyard.opensrs.store.HostedUserStoreContract;

class JdbcHostedUserStoreTest extends HostedUserStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcHostedUserStore.SCHEMA);

    private final HostedUserStore store = new JdbcHostedUserStore(database.jdbi());

    @Override
    protected HostedUserStore store() {
        return store;
    }
}
