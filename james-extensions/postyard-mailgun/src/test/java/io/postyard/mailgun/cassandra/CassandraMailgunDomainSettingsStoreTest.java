package io.postyard.mailgun.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.cassandra.CassandraKeyspace;
import io.postyard.mailgun.domain.MailgunDomainSettingsStore;
import io.postyard.mailgun.domain.MailgunDomainSettingsStoreContract;

class CassandraMailgunDomainSettingsStoreTest extends MailgunDomainSettingsStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraMailgunDomainSettingsStore.SCHEMA);

    private final MailgunDomainSettingsStore store = new CassandraMailgunDomainSettingsStore(cassandra.session());

    @Override
    protected MailgunDomainSettingsStore store() {
        return store;
    }
}
