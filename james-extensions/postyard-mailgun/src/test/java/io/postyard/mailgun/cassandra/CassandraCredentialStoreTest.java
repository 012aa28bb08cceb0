package io.postyard.mailgun.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.cassandra.CassandraKeyspace;
import io.postyard.mailgun.credential.CredentialStore;
import io.postyard.mailgun.credential.CredentialStoreContract;

class CassandraCredentialStoreTest extends CredentialStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraCredentialStore.SCHEMA);

    private final CredentialStore store = new CassandraCredentialStore(cassandra.session());

    @Override
    protected CredentialStore store() {
        return store;
    }
}
