package io.postyard.openmail.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.jdbc.JdbcDatabase;
import io.postyard.openmail.store.OpenmailWebhookStore;
import io.postyard.openmail.store.OpenmailWebhookStoreContract;

class JdbcOpenmailWebhookStoreTest extends OpenmailWebhookStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcOpenmailWebhookStore.SCHEMA);

    private final OpenmailWebhookStore store = new JdbcOpenmailWebhookStore(database.jdbi());

    @Override
    protected OpenmailWebhookStore store() {
        return store;
    }
}
