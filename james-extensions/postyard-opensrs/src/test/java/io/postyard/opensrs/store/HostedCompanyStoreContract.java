package io.postyard.opensrs.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.postyard.core.account.AccountId;

/** What every {@link HostedCompanyStore} does. Each test uses companies of its own. */
public abstract class HostedCompanyStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    private final String prefix = "co-" + UUID.randomUUID() + "-";

    protected abstract HostedCompanyStore store();

    private HostedCompany company(String name, Map<String, Object> attributes) {
        return new HostedCompany(prefix + name, AccountId.DEFAULT, attributes, T0);
    }

    @Test
    void aCompanyComesBackWithItsAttributes() {
        HostedCompany company = company("acme", Map.of("name", "Acme Inc.", "suspended", false, "quota", 5_000_000_000L,
            "notes", List.of("first", "second")));

        store().save(company);

        assertThat(store().get(company.id())).contains(company);
        assertThat(store().get(prefix + "unknown")).isEmpty();
    }

    @Test
    void savingAgainReplacesTheAttributes() {
        HostedCompany company = company("acme", Map.of("name", "Acme", "quota", 10L));
        store().save(company);

        store().save(company.withAttributes(Map.of("name", "Acme Renamed")));

        assertThat(store().get(company.id())).contains(company.withAttributes(Map.of("name", "Acme Renamed")));
    }

    @Test
    void everyCompanyIsListedById() {
        store().save(company("c", Map.of()));
        store().save(company("a", Map.of()));
        store().save(company("b", Map.of()));

        assertThat(store().list()).extracting(HostedCompany::id).filteredOn(id -> id.startsWith(prefix))
            .containsExactly(prefix + "a", prefix + "b", prefix + "c");
    }
}
