package io.postyard.openmail.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.jdbc.JdbcDatabase;
import io.postyard.openmail.store.ConversationStore;
import io.postyard.openmail.store.ConversationStoreContract;

class JdbcConversationStoreTest extends ConversationStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcConversationStore.SCHEMA);

    private final ConversationStore store = new JdbcConversationStore(database.jdbi());

    @Override
    protected ConversationStore store() {
        return store;
    }
}
