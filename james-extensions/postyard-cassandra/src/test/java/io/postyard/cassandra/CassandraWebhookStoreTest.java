package io.postyard.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.webhook.WebhookStore;
import io.postyard.core.webhook.WebhookStoreContract;

class CassandraWebhookStoreTest extends WebhookStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraWebhookStore.SCHEMA);

    private final WebhookStore store = new CassandraWebhookStore(cassandra.session());

    @Override
    protected WebhookStore store() {
        return store;
    }
}
