package io.postyard.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.mailbox.HostedMailboxStore;
import io.postyard.core.mailbox.HostedMailboxStoreContract;

class CassandraHostedMailboxStoreTest extends HostedMailboxStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraHostedMailboxStore.SCHEMA, TimeBuckets.SCHEMA, TimeIndex.SCHEMA);

    private final HostedMailboxStore store = new CassandraHostedMailboxStore(cassandra.session());

    @Override
    protected HostedMailboxStore store() {
        return store;
    }
}
