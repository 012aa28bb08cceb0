package io.postyard.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.openmail.OpenmailWebhookStore;
import io.postyard.core.openmail.OpenmailWebhookStoreContract;

class CassandraOpenmailWebhookStoreTest extends OpenmailWebhookStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraOpenmailWebhookStore.SCHEMA);

    private final OpenmailWebhookStore store = new CassandraOpenmailWebhookStore(cassandra.session());

    @Override
    protected OpenmailWebhookStore store() {
        return store;
    }
}
