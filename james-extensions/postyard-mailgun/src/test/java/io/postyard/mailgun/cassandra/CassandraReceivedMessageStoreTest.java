package io.postyard.mailgun.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.cassandra.CassandraKeyspace;
import io.postyard.mailgun.inbound.ReceivedMessageStore;
import io.postyard.mailgun.inbound.ReceivedMessageStoreContract;

class CassandraReceivedMessageStoreTest extends ReceivedMessageStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraReceivedMessageStore.SCHEMA);

    private final ReceivedMessageStore store = new CassandraReceivedMessageStore(cassandra.session());

    @Override
    protected ReceivedMessageStore store() {
        return store;
    }
}
