package io.postyard.opensrs.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.jdbc.JdbcDatabase;
import io.postyard.opensrs.store.HostedDomainStore;
import io.postyard.opensrs.store.HostedDomainStoreContract;

class JdbcHostedDomainStoreTest extends HostedDomainStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcHostedDomainStore.SCHEMA);

    private final HostedDomainStore store = new JdbcHostedDomainStore(database.jdbi());

    @Override
    protected HostedDomainStore store() {
        return store;
    }
}
