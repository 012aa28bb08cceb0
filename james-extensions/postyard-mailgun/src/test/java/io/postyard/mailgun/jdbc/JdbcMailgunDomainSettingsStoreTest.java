package io.postyard.mailgun.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.jdbc.JdbcDatabase;
import io.postyard.mailgun.domain.MailgunDomainSettingsStore;
import io.postyard.mailgun.domain.MailgunDomainSettingsStoreContract;

class JdbcMailgunDomainSettingsStoreTest extends MailgunDomainSettingsStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcMailgunDomainSettingsStore.SCHEMA);

    private final MailgunDomainSettingsStore store = new JdbcMailgunDomainSettingsStore(database.jdbi());

    @Override
    protected MailgunDomainSettingsStore store() {
        return store;
    }
}
