package io.postyard.mailgun.domain;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.james.core.Domain;

public class MemoryMailgunDomainSettingsStore implements MailgunDomainSettingsStore {
    private final Map<Domain, MailgunDomainSettings> settings = new ConcurrentHashMap<>();

    @Override
    public Optional<MailgunDomainSettings> get(Domain domain) {
        return Optional.ofNullable(settings.get(domain));
    }

    @Override
    public void put(Domain domain, MailgunDomainSettings value) {
        settings.put(domain, value);
    }

    @Override
    public void delete(Domain domain) {
        settings.remove(domain);
    }
}
