package io.postyard.openmail.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.jdbc.JdbcDatabase;
import io.postyard.openmail.store.IdempotencyStore;
import io.postyard.openmail.store.IdempotencyStoreContract;

class JdbcIdempotencyStoreTest extends IdempotencyStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcIdempotencyStore.SCHEMA);

    private final IdempotencyStore store = new JdbcIdempotencyStore(database.jdbi());

    @Override
    protected IdempotencyStore store() {
        return store;
    }
}
