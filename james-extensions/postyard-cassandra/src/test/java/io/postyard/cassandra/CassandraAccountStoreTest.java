package io.postyard.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.account.AccountStore;
import io.postyard.core.account.AccountStoreContract;

class CassandraAccountStoreTest extends AccountStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraAccountStore.SCHEMA);

    private final AccountStore store = new CassandraAccountStore(cassandra.session());

    @Override
    protected AccountStore store() {
        return store;
    }
}
