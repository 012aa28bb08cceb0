package io.postyard.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.domain.DomainStore;
import io.postyard.core.domain.DomainStoreContract;

class CassandraDomainStoreTest extends DomainStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraDomainStore.SCHEMA);

    private final DomainStore store = new CassandraDomainStore(cassandra.session());

    @Override
    protected DomainStore store() {
        return store;
    }
}
