package io.postyard.mailgun.domain;

class MemoryMailgunDomainSettingsStoreTest extends MailgunDomainSettingsStoreContract {
    private final MemoryMailgunDomainSettingsStore store = new MemoryMailgunDomainSettingsStore();

    @Override
    protected MailgunDomainSettingsStore store() {
        return store;
    }
}
