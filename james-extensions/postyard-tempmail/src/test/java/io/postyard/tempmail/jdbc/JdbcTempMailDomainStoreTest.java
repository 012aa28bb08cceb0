package io.postyard.tempmail.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.jdbc.JdbcDatabase;
import io.postyard.tempmail.store.TempMailDomainStore;
import io.postyard.tempmail.store.TempMailDomainStoreContract;

class JdbcTempMailDomainStoreTest extends TempMailDomainStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcTempMailDomainStore.SCHEMA);

    private final TempMailDomainStore store = new JdbcTempMailDomainStore(database.jdbi());

    @Override
    protected TempMailDomainStore store() {
        return store;
    }
}
