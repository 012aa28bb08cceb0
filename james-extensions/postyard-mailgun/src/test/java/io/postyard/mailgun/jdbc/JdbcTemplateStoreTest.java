package io.postyard.mailgun.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.jdbc.JdbcDatabase;
import io.postyard.mailgun.template.TemplateStore;
import io.postyard.mailgun.template.TemplateStoreContract;

class JdbcTemplateStoreTest extends TemplateStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcTemplateStore.SCHEMA);

    private final TemplateStore store = new JdbcTemplateStore(database.jdbi());

    @Override
    protected TemplateStore store() {
        return store;
    }
}
