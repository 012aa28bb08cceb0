package io.postyard.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.suppression.SuppressionStore;
import io.postyard.core.suppression.SuppressionStoreContract;

class JdbcSuppressionStoreTest extends SuppressionStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcSuppressionStore.SCHEMA);

    private final SuppressionStore store = new JdbcSuppressionStore(database.jdbi());

    @Override
    protected SuppressionStore store() {
        return store;
    }
}
