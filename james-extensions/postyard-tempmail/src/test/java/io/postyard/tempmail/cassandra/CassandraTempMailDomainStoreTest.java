package io.postyard.tempmail.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.cassandra.CassandraKeyspace;
import io.postyard.tempmail.store.TempMailDomainStore;
import io.postyard.tempmail.store.TempMailDomainStoreContract;

class CassandraTempMailDomainStoreTest extends TempMailDomainStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraTempMailDomainStore.SCHEMA);

    private final TempMailDomainStore store = new CassandraTempMailDomainStore(cassandra.session());

    @Override
    protected TempMailDomainStore store() {
        return store;
    }
}
