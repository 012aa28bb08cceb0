package io.postyard.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.openmail.ConversationStore;
import io.postyard.core.openmail.ConversationStoreContract;

class CassandraConversationStoreTest extends ConversationStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraConversationStore.SCHEMA);

    private final ConversationStore store = new CassandraConversationStore(cassandra.session());

    @Override
    protected ConversationStore store() {
        return store;
    }
}
