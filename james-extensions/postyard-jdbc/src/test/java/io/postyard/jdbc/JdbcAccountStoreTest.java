package io.postyard.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.account.AccountStore;
import io.postyard.core.account.AccountStoreContract;

class JdbcAccountStoreTest extends AccountStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcAccountStore.SCHEMA);

    private final AccountStore store = new JdbcAccountStore(database.jdbi());

    @Override
    protected AccountStore store() {
        return store;
    }
}
