package io.postyard.openmail.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.cassandra.CassandraKeyspace;
import io.postyard.openmail.store.ConversationStore;
import io.postyard.openmail.store.ConversationStoreContract;

class CassandraConversationStoreTest extends ConversationStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraConversationStore.SCHEMA);

    private final ConversationStore store = new CassandraConversationStore(cassandra.session());

    @Override
    protected ConversationStore store() {
        return store;
    }
}
