package io.postyard.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.openmail.OpenmailInboxStore;
import io.postyard.core.openmail.OpenmailInboxStoreContract;

class CassandraOpenmailInboxStoreTest extends OpenmailInboxStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraOpenmailInboxStore.SCHEMA);

    private final OpenmailInboxStore store = new CassandraOpenmailInboxStore(cassandra.session());

    @Override
    protected OpenmailInboxStore store() {
        return store;
    }
}
