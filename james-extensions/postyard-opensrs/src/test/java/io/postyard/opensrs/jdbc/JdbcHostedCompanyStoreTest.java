package io.postyard.opensrs.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.jdbc.JdbcDatabase;
import io.postyard.opensrs.store.HostedCompanyStore;
import io.postyard.opensrs.store.HostedCompanyStoreContract;

class JdbcHostedCompanyStoreTest extends HostedCompanyStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcHostedCompanyStore.SCHEMA);

    private final HostedCompanyStore store = new JdbcHostedCompanyStore(database.jdbi());

    @Override
    protected HostedCompanyStore store() {
        return store;
    }
}
