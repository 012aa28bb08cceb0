package io.postyard.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.james.core.Domain;
import org.junit.jupiter.api.Test;

import io.postyard.core.account.AccountId;
import io.postyard.core.tracking.ClickTracking;
import io.postyard.core.tracking.TrackingSettings;

/** What every {@link DomainStore} does. Each test uses an account and domains of its own. */
public abstract class DomainStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    private final AccountId account = new AccountId("acct-" + UUID.randomUUID());
    private final String suffix = "." + UUID.randomUUID() + ".contract.test";

    protected abstract DomainStore store();

    private MailDomain domain(String name) {
        return new MailDomain(Domain.of(name + suffix), account, DomainState.UNVERIFIED, false, false, T0, T0, TrackingSettings.DEFAULT,
            DnsVerification.NEVER);
    }

    @Test
    void theFirstInsertOfANameWins() {
        MailDomain domain = domain("mail");
        MailDomain rival = new MailDomain(domain.name(), new AccountId("acct-" + UUID.randomUUID()), DomainState.ACTIVE, true, true,
            T0, T0, TrackingSettings.DEFAULT, DnsVerification.NEVER);

        assertThat(store().insertIfAbsent(domain)).isTrue();
        assertThat(store().insertIfAbsent(rival)).isFalse();

        assertThat(store().get(domain.name())).contains(domain);
        assertThat(store().list(rival.account())).isEmpty();
    }

    @Test
    void everySettingComesBackAsSaved() {
        MailDomain domain = domain("full");
        store().insertIfAbsent(domain);
        MailDomain changed = new MailDomain(domain.name(), account, DomainState.ACTIVE, true, true, T0, T0.plusSeconds(30),
            new TrackingSettings(true, ClickTracking.HTML_ONLY, true, "<p>bye %unsubscribe_url%</p>", "bye %unsubscribe_url%"),
            new DnsVerification(Optional.of(T0.plusSeconds(20)), Map.of(DnsRecordKind.MX, false, DnsRecordKind.SPF, true,
                DnsRecordKind.DKIM, true)));

        store().save(changed);

        assertThat(store().get(domain.name())).contains(changed);
        assertThat(store().list(account)).containsExactly(changed);
    }

    @Test
    void theAccountsDomainsAreListedByName() {
        store().insertIfAbsent(domain("charlie"));
        store().insertIfAbsent(domain("alpha"));
        store().save(domain("bravo"));

        assertThat(store().list(account)).extracting(domain -> domain.name().asString())
            .containsExactly("alpha" + suffix, "bravo" + suffix, "charlie" + suffix);
        assertThat(store().list(new AccountId("acct-" + UUID.randomUUID()))).isEmpty();
    }

    @Test
    void aDomainSavedUnderAnotherAccountMovesToItsList() {
        MailDomain domain = domain("moved");
        store().insertIfAbsent(domain);
        AccountId newOwner = new AccountId("acct-" + UUID.randomUUID());
        MailDomain moved = new MailDomain(domain.name(), newOwner, domain.state(), false, false, T0, T0.plusSeconds(1), TrackingSettings.DEFAULT,
            DnsVerification.NEVER);

        store().save(moved);

        assertThat(store().list(account)).isEmpty();
        assertThat(store().list(newOwner)).containsExactly(moved);
    }

    @Test
    void aDeletedDomainIsGoneAndItsNameFree() {
        MailDomain domain = domain("gone");
        store().insertIfAbsent(domain);
        store().insertIfAbsent(domain("kept"));

        store().delete(domain.name());
        store().delete(Domain.of("never" + suffix));

        assertThat(store().get(domain.name())).isEmpty();
        assertThat(store().list(account)).extracting(MailDomain::name).containsExactly(Domain.of("kept" + suffix));
        assertThat(store().insertIfAbsent(domain)).isTrue();
    }
}
