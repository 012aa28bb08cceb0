package io.postyard.core.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.Domain;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SuppressionStore} does, whatever holds the lists. Each test works in a domain of its own, so
 * implementations can share one store between tests.
 */
public abstract class SuppressionStoreContract {
    private final Domain domain = Domain.of(java.util.UUID.randomUUID() + ".contract.test");
    private static final Instant NOW = Instant.parse("2026-11-30T10:15:30.123Z");

    protected abstract SuppressionStore store();

    private Suppression bounce(String address) {
        return new Suppression(domain, SuppressionType.BOUNCES, address, Optional.of("550"), Optional.of("no such user"),
            List.of(), Optional.empty(), NOW);
    }

    private static List<String> keys(List<Suppression> suppressions) {
        return suppressions.stream().map(Suppression::key).toList();
    }

    @Test
    void anEntryComesBackAsItWasPut() {
        Suppression unsubscribe = new Suppression(domain, SuppressionType.UNSUBSCRIBES, "Ann@Example.test", Optional.empty(),
            Optional.empty(), List.of("news", "promo"), Optional.empty(), NOW.truncatedTo(ChronoUnit.MILLIS));
        Suppression whitelisted = new Suppression(domain, SuppressionType.WHITELISTS, "partner.test", Optional.empty(),
            Optional.of("trusted"), List.of(), Optional.of(WhitelistKind.DOMAIN), NOW);
        store().put(unsubscribe);
        store().put(whitelisted);

        assertThat(store().get(domain, SuppressionType.UNSUBSCRIBES, "ann@example.test")).contains(unsubscribe);
        assertThat(store().get(domain, SuppressionType.WHITELISTS, "partner.test")).contains(whitelisted);
        assertThat(store().get(domain, SuppressionType.BOUNCES, "ann@example.test")).isEmpty();
        assertThat(store().get(Domain.of("other.test"), SuppressionType.UNSUBSCRIBES, "ann@example.test")).isEmpty();
    }

    @Test
    void puttingTheSameKeyAgainReplacesTheEntry() {
        store().put(bounce("bob@example.test"));
        Suppression newer = new Suppression(domain, SuppressionType.BOUNCES, "Bob@example.test", Optional.of("552"), Optional.of("full"),
            List.of(), Optional.empty(), NOW.plusSeconds(60));

        store().put(newer);

        assertThat(store().get(domain, SuppressionType.BOUNCES, "bob@example.test")).contains(newer);
        assertThat(store().after(domain, SuppressionType.BOUNCES, Optional.empty(), 10)).hasSize(1);
    }

    @Test
    void deleteTellsWhetherThereWasAnEntry() {
        store().put(bounce("carl@example.test"));

        assertThat(store().delete(domain, SuppressionType.BOUNCES, "carl@example.test")).isTrue();
        assertThat(store().delete(domain, SuppressionType.BOUNCES, "carl@example.test")).isFalse();
        assertThat(store().get(domain, SuppressionType.BOUNCES, "carl@example.test")).isEmpty();
    }

    @Test
    void deleteAllEmptiesOneListOnly() {
        store().put(bounce("dan@example.test"));
        store().put(new Suppression(domain, SuppressionType.COMPLAINTS, "dan@example.test", Optional.empty(), Optional.empty(),
            List.of(), Optional.empty(), NOW));

        store().deleteAll(domain, SuppressionType.BOUNCES);

        assertThat(store().after(domain, SuppressionType.BOUNCES, Optional.empty(), 10)).isEmpty();
        assertThat(store().get(domain, SuppressionType.COMPLAINTS, "dan@example.test")).isPresent();
    }

    @Test
    void pagesAreReadFromAPositionInKeyOrder() {
        for (String address : List.of("e@x.test", "a@x.test", "d@x.test", "b@x.test", "c@x.test")) {
            store().put(bounce(address));
        }

        assertThat(keys(store().after(domain, SuppressionType.BOUNCES, Optional.empty(), 2))).containsExactly("a@x.test", "b@x.test");
        assertThat(keys(store().after(domain, SuppressionType.BOUNCES, Optional.of("b@x.test"), 2))).containsExactly("c@x.test", "d@x.test");
        assertThat(keys(store().after(domain, SuppressionType.BOUNCES, Optional.of("d@x.test"), 2))).containsExactly("e@x.test");
        assertThat(keys(store().before(domain, SuppressionType.BOUNCES, Optional.empty(), 2))).containsExactly("d@x.test", "e@x.test");
        assertThat(keys(store().before(domain, SuppressionType.BOUNCES, Optional.of("d@x.test"), 2))).containsExactly("b@x.test", "c@x.test");
        assertThat(keys(store().before(domain, SuppressionType.BOUNCES, Optional.of("b@x.test"), 2))).containsExactly("a@x.test");
        assertThat(store().after(domain, SuppressionType.BOUNCES, Optional.of("e@x.test"), 2)).isEmpty();
    }
}
