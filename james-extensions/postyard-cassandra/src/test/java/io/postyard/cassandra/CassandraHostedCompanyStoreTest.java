package io.postyard.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.hosting.HostedCompanyStore;
import io.postyard.core.hosting.HostedCompanyStoreContract;

class CassandraHostedCompanyStoreTest extends HostedCompanyStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraHostedCompanyStore.SCHEMA);

    private final HostedCompanyStore store = new CassandraHostedCompanyStore(cassandra.session());

    @Override
    protected HostedCompanyStore store() {
        return store;
    }
}
