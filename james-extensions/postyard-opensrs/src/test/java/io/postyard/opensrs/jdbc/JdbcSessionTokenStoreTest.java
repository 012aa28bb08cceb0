package io.postyard.opensrs.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.jdbc.JdbcDatabase;
import io.postyard.opensrs.store.SessionTokenStore;
import io.postyard.opensrs.store.SessionTokenStoreContract;

class JdbcSessionTokenStoreTest extends SessionTokenStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcSessionTokenStore.SCHEMA);

    private final SessionTokenStore store = new JdbcSessionTokenStore(database.jdbi());

    @Override
    protected SessionTokenStore store() {
        return store;
    }
}
