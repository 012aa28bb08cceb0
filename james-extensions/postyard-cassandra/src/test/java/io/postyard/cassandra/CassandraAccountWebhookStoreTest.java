package io.postyard.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.webhook.AccountWebhookStore;
import io.postyard.core.webhook.AccountWebhookStoreContract;

class CassandraAccountWebhookStoreTest extends AccountWebhookStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraAccountWebhookStore.SCHEMA);

    private final AccountWebhookStore store = new CassandraAccountWebhookStore(cassandra.session());

    @Override
    protected AccountWebhookStore store() {
        return store;
    }
}
