package io.postyard.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.dkim.DkimKeyStore;
import io.postyard.core.dkim.DkimKeyStoreContract;

class CassandraDkimKeyStoreTest extends DkimKeyStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraDkimKeyStore.SCHEMA);

    private final DkimKeyStore store = new CassandraDkimKeyStore(cassandra.session());

    @Override
    protected DkimKeyStore store() {
        return store;
    }
}
