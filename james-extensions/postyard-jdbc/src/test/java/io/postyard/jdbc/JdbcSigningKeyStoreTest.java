package io.postyard.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.account.SigningKeyStore;
import io.postyard.core.account.SigningKeyStoreContract;

class JdbcSigningKeyStoreTest extends SigningKeyStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcSigningKeyStore.SCHEMA);

    private final SigningKeyStore store = new JdbcSigningKeyStore(database.jdbi());

    @Override
    protected SigningKeyStore store() {
        return store;
    }
}
