package io.postyard.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.hosting.HostedDomainStore;
import io.postyard.core.hosting.HostedDomainStoreContract;

class CassandraHostedDomainStoreTest extends HostedDomainStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraHostedDomainStore.SCHEMA);

    private final HostedDomainStore store = new CassandraHostedDomainStore(cassandra.session());

    @Override
    protected HostedDomainStore store() {
        return store;
    }
}
