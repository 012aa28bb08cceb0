package io.postyard.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.tempmail.TempMailDomainStore;
import io.postyard.core.tempmail.TempMailDomainStoreContract;

class CassandraTempMailDomainStoreTest extends TempMailDomainStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraTempMailDomainStore.SCHEMA);

    private final TempMailDomainStore store = new CassandraTempMailDomainStore(cassandra.session());

    @Override
    protected TempMailDomainStore store() {
        return store;
    }
}
