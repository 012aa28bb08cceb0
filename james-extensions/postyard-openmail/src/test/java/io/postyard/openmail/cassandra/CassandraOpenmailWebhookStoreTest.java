package io.postyard.openmail.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.cassandra.CassandraKeyspace;
import io.postyard.openmail.store.OpenmailWebhookStore;
import io.postyard.openmail.store.OpenmailWebhookStoreContract;

class CassandraOpenmailWebhookStoreTest extends OpenmailWebhookStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraOpenmailWebhookStore.SCHEMA);

    private final OpenmailWebhookStore store = new CassandraOpenmailWebhookStore(cassandra.session());

    @Override
    protected OpenmailWebhookStore store() {
        return store;
    }
}
