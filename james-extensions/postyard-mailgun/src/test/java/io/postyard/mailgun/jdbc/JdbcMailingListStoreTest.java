package io.postyard.mailgun.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.jdbc.JdbcDatabase;
import io.postyard.mailgun.list.MailingListStore;
import io.postyard.mailgun.list.MailingListStoreContract;

class JdbcMailingListStoreTest extends MailingListStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcMailingListStore.SCHEMA);

    private final MailingListStore store = new JdbcMailingListStore(database.jdbi());

    @Override
    protected MailingListStore store() {
        return store;
    }
}
