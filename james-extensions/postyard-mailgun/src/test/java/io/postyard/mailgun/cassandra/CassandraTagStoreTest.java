package io.postyard.mailgun.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.cassandra.CassandraKeyspace;
import io.postyard.mailgun.tag.TagStore;
import io.postyard.mailgun.tag.TagStoreContract;

class CassandraTagStoreTest extends TagStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraTagStore.SCHEMA);

    private final TagStore store = new CassandraTagStore(cassandra.session());

    @Override
    protected TagStore store() {
        return store;
    }
}
