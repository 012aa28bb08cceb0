package io.postyard.mailgun.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.cassandra.CassandraKeyspace;
import io.postyard.mailgun.template.TemplateStore;
import io.postyard.mailgun.template.TemplateStoreContract;

class CassandraTemplateStoreTest extends TemplateStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraTemplateStore.SCHEMA);

    private final TemplateStore store = new CassandraTemplateStore(cassandra.session());

    @Override
    protected TemplateStore store() {
        return store;
    }
}
