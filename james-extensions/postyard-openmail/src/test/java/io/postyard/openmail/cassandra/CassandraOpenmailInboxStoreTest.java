package io.postyard.openmail.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.cassandra.CassandraKeyspace;
import io.postyard.openmail.store.OpenmailInboxStore;
import io.postyard.openmail.store.OpenmailInboxStoreContract;

class CassandraOpenmailInboxStoreTest extends OpenmailInboxStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraOpenmailInboxStore.SCHEMA);

    private final OpenmailInboxStore store = new CassandraOpenmailInboxStore(cassandra.session());

    @Override
    protected OpenmailInboxStore store() {
        return store;
    }
}
