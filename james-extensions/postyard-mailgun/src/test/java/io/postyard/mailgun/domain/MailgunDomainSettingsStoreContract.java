package io.postyard.mailgun.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;

import org.apache.james.core.Domain;
import org.junit.jupiter.api.Test;

/** What every {@link MailgunDomainSettingsStore} does. Each test uses a domain of its own. */
public abstract class MailgunDomainSettingsStoreContract {
    private final Domain domain = Domain.of(UUID.randomUUID() + ".contract.test");

    protected abstract MailgunDomainSettingsStore store();

    @Test
    void aDomainWithoutSettingsHasNone() {
        assertThat(store().get(domain)).isEmpty();
    }

    @Test
    void settingsComeBackAsPutAndAreReplacedWhole() {
        MailgunDomainSettings first = new MailgunDomainSettings("block", "https", "track", true, true, true, true,
            Optional.of("bounce." + domain.asString()), Optional.of(3600), Optional.of("https://archive.example/in"));
        store().put(domain, first);
        assertThat(store().get(domain)).contains(first);

        store().put(domain, MailgunDomainSettings.DEFAULT);
        assertThat(store().get(domain)).contains(MailgunDomainSettings.DEFAULT);
    }

    @Test
    void deletedSettingsAreGoneAndOtherDomainsKeepTheirs() {
        Domain other = Domain.of(UUID.randomUUID() + ".contract.test");
        store().put(domain, MailgunDomainSettings.DEFAULT);
        store().put(other, MailgunDomainSettings.DEFAULT);

        store().delete(domain);

        assertThat(store().get(domain)).isEmpty();
        assertThat(store().get(other)).isPresent();
    }
}
