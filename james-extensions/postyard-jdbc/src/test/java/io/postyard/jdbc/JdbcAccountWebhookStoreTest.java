package io.postyard.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.webhook.AccountWebhookStore;
import io.postyard.core.webhook.AccountWebhookStoreContract;

class JdbcAccountWebhookStoreTest extends AccountWebhookStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcAccountWebhookStore.SCHEMA);

    private final AccountWebhookStore store = new JdbcAccountWebhookStore(database.jdbi());

    @Override
    protected AccountWebhookStore store() {
        return store;
    }
}
