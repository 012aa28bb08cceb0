package io.postyard.mailgun.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.jdbc.JdbcDatabase;
import io.postyard.mailgun.inbound.ReceivedMessageStore;
import io.postyard.mailgun.inbound.ReceivedMessageStoreContract;

class JdbcReceivedMessageStoreTest extends ReceivedMessageStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcReceivedMessageStore.SCHEMA);

    private final ReceivedMessageStore store = new JdbcReceivedMessageStore(database.jdbi());

    @Override
    protected ReceivedMessageStore store() {
        return store;
    }
}
