package io.postyard.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.key.ApiKeyStore;
import io.postyard.core.key.ApiKeyStoreContract;

class CassandraApiKeyStoreTest extends ApiKeyStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraApiKeyStore.SCHEMA);

    private final ApiKeyStore store = new CassandraApiKeyStore(cassandra.session());

    @Override
    protected ApiKeyStore store() {
        return store;
    }
}
