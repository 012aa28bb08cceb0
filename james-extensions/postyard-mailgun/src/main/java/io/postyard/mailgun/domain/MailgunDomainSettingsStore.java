package io.postyard.mailgun.domain;

import java.util.Optional;

import org.apache.james.core.Domain;

/** Each domain's {@link MailgunDomainSettings}; a domain without a row has the defaults. */
public interface MailgunDomainSettingsStore {
    Optional<MailgunDomainSettings> get(Domain domain);

    void put(Domain domain, MailgunDomainSettings settings);

    void delete(Domain domain);
}
