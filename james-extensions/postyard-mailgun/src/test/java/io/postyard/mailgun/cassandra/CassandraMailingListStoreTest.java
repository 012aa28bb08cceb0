package io.postyard.mailgun.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.cassandra.CassandraKeyspace;
import io.postyard.mailgun.list.MailingListStore;
import io.postyard.mailgun.list.MailingListStoreContract;

class CassandraMailingListStoreTest extends MailingListStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraMailingListStore.SCHEMA);

    private final MailingListStore store = new CassandraMailingListStore(cassandra.session());

    @Override
    protected MailingListStore store() {
        return store;
    }
}
