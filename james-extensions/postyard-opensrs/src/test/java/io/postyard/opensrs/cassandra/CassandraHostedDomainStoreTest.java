package io.postyard.opensrs.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.cassandra.CassandraKeyspace;
import io.postyard.opensrs.store.HostedDomainStore;
import io.postyard.opensrs.store.HostedDomainStoreContract;

class CassandraHostedDomainStoreTest extends HostedDomainStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraHostedDomainStore.SCHEMA);

    private final HostedDomainStore store = new CassandraHostedDomainStore(cassandra.session());

    @Override
    protected HostedDomainStore store() {
        return store;
    }
}
