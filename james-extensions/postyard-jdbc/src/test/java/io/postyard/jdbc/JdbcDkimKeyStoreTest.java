package io.postyard.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.dkim.DkimKeyStore;
import io.postyard.core.dkim.DkimKeyStoreContract;

class JdbcDkimKeyStoreTest extends DkimKeyStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcDkimKeyStore.SCHEMA);

    private final DkimKeyStore store = new JdbcDkimKeyStore(database.jdbi());

    @Override
    protected DkimKeyStore store() {
        return store;
    }
}
