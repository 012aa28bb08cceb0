package io.postyard.openmail.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.jdbc.JdbcDatabase;
import io.postyard.openmail.store.OpenmailInboxStore;
import io.postyard.openmail.store.OpenmailInboxStoreContract;

class JdbcOpenmailInboxStoreTest extends OpenmailInboxStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcOpenmailInboxStore.SCHEMA);

    private final OpenmailInboxStore store = new JdbcOpenmailInboxStore(database.jdbi());

    @Override
    protected OpenmailInboxStore store() {
        return store;
    }
}
