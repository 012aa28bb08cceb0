package io.postyard.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.key.ApiKeyStore;
import io.postyard.core.key.ApiKeyStoreContract;

class JdbcApiKeyStoreTest extends ApiKeyStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcApiKeyStore.SCHEMA);

    private final ApiKeyStore store = new JdbcApiKeyStore(database.jdbi());

    @Override
    protected ApiKeyStore store() {
        return store;
    }
}
