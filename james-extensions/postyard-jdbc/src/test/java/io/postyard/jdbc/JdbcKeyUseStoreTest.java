package io.postyard.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.key.KeyUseStore;
import io.postyard.core.key.KeyUseStoreContract;

class JdbcKeyUseStoreTest extends KeyUseStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcKeyUseStore.SCHEMA);

    private final KeyUseStore store = new JdbcKeyUseStore(database.jdbi());

    @Override
    protected KeyUseStore store() {
        return store;
    }
}
