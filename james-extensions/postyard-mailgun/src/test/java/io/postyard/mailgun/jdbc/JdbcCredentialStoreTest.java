package io.postyard.mailgun.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.jdbc.JdbcDatabase;
import io.postyard.mailgun.credential.CredentialStore;
import io.postyard.mailgun.credential.CredentialStoreContract;

class JdbcCredentialStoreTest extends CredentialStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcCredentialStore.SCHEMA);

    private final CredentialStore store = new JdbcCredentialStore(database.jdbi());

    @Override
    protected CredentialStore store() {
        return store;
    }
}
