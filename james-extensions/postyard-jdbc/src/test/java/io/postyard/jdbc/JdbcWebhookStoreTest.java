package io.postyard.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.webhook.WebhookStore;
import io.postyard.core.webhook.WebhookStoreContract;

class JdbcWebhookStoreTest extends WebhookStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcWebhookStore.SCHEMA);

    private final WebhookStore store = new JdbcWebhookStore(database.jdbi());

    @Override
    protected WebhookStore store() {
        return store;
    }
}
