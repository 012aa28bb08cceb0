package io.postyard.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.mailbox.HostedMailboxStore;
import io.postyard.core.mailbox.HostedMailboxStoreContract;

class JdbcHostedMailboxStoreTest extends HostedMailboxStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcHostedMailboxStore.SCHEMA);

    private final HostedMailboxStore store = new JdbcHostedMailboxStore(database.jdbi());

    @Override
    protected HostedMailboxStore store() {
        return store;
    }
}
