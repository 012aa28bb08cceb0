package io.postyard.mailgun.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.jdbc.JdbcDatabase;
import io.postyard.mailgun.tag.TagStore;
import io.postyard.mailgun.tag.TagStoreContract;

class JdbcTagStoreTest extends TagStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcTagStore.SCHEMA);

    private final TagStore store = new JdbcTagStore(database.jdbi());

    @Override
    protected TagStore store() {
        return store;
    }
}
