package io.postyard.opensrs.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.james.core.Domain;
import org.junit.jupiter.api.Test;

/** What every {@link HostedDomainStore} does. Each test uses a company and domains of its own. */
public abstract class HostedDomainStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    private final String company = "co-" + UUID.randomUUID();
    private final String suffix = "." + UUID.randomUUID() + ".contract.test";

    protected abstract HostedDomainStore store();

    private HostedDomain domain(String name) {
        return new HostedDomain(Domain.of(name + suffix), company, Map.of("aliases", List.of("alias-" + name + suffix), "quota", 1024L),
            T0, Optional.empty());
    }

    @Test
    void theFirstInsertOfANameWins() {
        HostedDomain domain = domain("mail");
        HostedDomain rival = new HostedDomain(domain.name(), "co-" + UUID.randomUUID(), Map.of(), T0, Optional.empty());

        assertThat(store().insertIfAbsent(domain)).isTrue();
        assertThat(store().insertIfAbsent(rival)).isFalse();

        assertThat(store().get(domain.name())).contains(domain);
        assertThat(store().list(rival.company())).isEmpty();
    }

    @Test
    void aDeletedAndRestoredDomainComesBackAsSaved() {
        HostedDomain domain = domain("soft");
        store().insertIfAbsent(domain);

        store().save(domain.deleted(T0.plusSeconds(60)).withAttributes(Map.of("disabled", true)));
        assertThat(store().get(domain.name())).contains(domain.deleted(T0.plusSeconds(60)).withAttributes(Map.of("disabled", true)));

        store().save(domain.restored());
        assertThat(store().get(domain.name())).contains(domain);
    }

    @Test
    void theCompanysDomainsAreListedByNameDeletedOnesIncluded() {
        store().insertIfAbsent(domain("charlie"));
        store().insertIfAbsent(domain("alpha"));
        store().save(domain("bravo").deleted(T0));

        assertThat(store().list(company)).extracting(domain -> domain.name().asString())
            .containsExactly("alpha" + suffix, "bravo" + suffix, "charlie" + suffix);
        assertThat(store().list("co-" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void aDomainSavedUnderAnotherCompanyMovesToItsList() {
        HostedDomain domain = domain("moved");
        store().insertIfAbsent(domain);
        HostedDomain moved = new HostedDomain(domain.name(), "co-" + UUID.randomUUID(), domain.attributes(), T0, Optional.empty());

        store().save(moved);

        assertThat(store().list(company)).isEmpty();
        assertThat(store().list(moved.company())).containsExactly(moved);
    }

    @Test
    void aDeletedRecordIsGoneAndItsNameFree() {
        HostedDomain domain = domain("gone");
        store().insertIfAbsent(domain);
        store().insertIfAbsent(domain("kept"));

        store().delete(domain.name());
        store().delete(Domain.of("never" + suffix));

        assertThat(store().get(domain.name())).isEmpty();
        assertThat(store().list(company)).extracting(HostedDomain::name).containsExactly(Domain.of("kept" + suffix));
        assertThat(store().insertIfAbsent(domain)).isTrue();
    }
}
