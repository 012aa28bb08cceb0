package io.postyard.opensrs.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.cassandra.CassandraKeyspace;
import io.postyard.opensrs.store.HostedCompanyStore;
import io.postyard.opensrs.store.HostedCompanyStoreContract;

class CassandraHostedCompanyStoreTest extends HostedCompanyStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraHostedCompanyStore.SCHEMA);

    private final HostedCompanyStore store = new CassandraHostedCompanyStore(cassandra.session());

    @Override
    protected HostedCompanyStore store() {
        return store;
    }
}
