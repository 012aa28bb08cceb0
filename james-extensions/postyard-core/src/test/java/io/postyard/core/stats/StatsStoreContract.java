package io.postyard.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.james.core.Domain;
import org.junit.jupiter.api.Test;

import io.postyard.core.stats.StatsStore.CounterKey;

/** What every {@link StatsStore} does. Each test uses domains of its own. */
public abstract class StatsStoreContract {
    private static final Instant HOUR = Instant.parse("2026-03-31T22:00:00Z");

    private final Domain domain = Domain.of(UUID.randomUUID() + ".contract.test");
    private final Domain other = Domain.of(UUID.randomUUID() + ".contract.test");

    protected abstract StatsStore store();

    private CounterKey key(Instant hour, String counter) {
        return new CounterKey(domain, hour, counter);
    }

    @Test
    void incrementsAddUp() {
        store().increment(Map.of(key(HOUR, "accepted.total"), 2L, key(HOUR, "delivered.total"), 1L));
        store().increment(Map.of(key(HOUR, "accepted.total"), 3L));

        assertThat(store().read(domain, HOUR, HOUR.plusSeconds(3600)))
            .isEqualTo(Map.of(key(HOUR, "accepted.total"), 5L, key(HOUR, "delivered.total"), 1L));
    }

    @Test
    void aReadCoversTheHoursFromItsStartToBeforeItsEndAcrossMonths() {
        Instant before = HOUR.minusSeconds(3600);
        Instant nextMonth = HOUR.plusSeconds(2 * 3600);
        Instant later = Instant.parse("2026-06-15T08:00:00Z");
        store().increment(Map.of(key(before, "opened.total"), 1L, key(HOUR, "opened.total"), 2L, key(nextMonth, "opened.total"), 3L,
            key(later, "opened.total"), 4L));

        assertThat(store().read(domain, HOUR, later)).isEqualTo(Map.of(key(HOUR, "opened.total"), 2L, key(nextMonth, "opened.total"), 3L));
        assertThat(store().read(domain, before, later.plusSeconds(1))).hasSize(4);
        assertThat(store().read(domain, Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-12-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void aDomainsCountersAreItsOwn() {
        store().increment(Map.of(key(HOUR, "accepted.total"), 1L, new CounterKey(other, HOUR, "accepted.total"), 7L));

        assertThat(store().read(other, HOUR, HOUR.plusSeconds(3600))).isEqualTo(Map.of(new CounterKey(other, HOUR, "accepted.total"), 7L));
    }

    @Test
    void clearedCountersStartAgainFromZero() {
        store().increment(Map.of(key(HOUR, "accepted.total"), 5L, key(HOUR.plusSeconds(86_400 * 40), "accepted.total"), 5L,
            new CounterKey(other, HOUR, "accepted.total"), 7L));

        store().clear(domain);

        assertThat(store().read(domain, HOUR, HOUR.plusSeconds(86_400 * 60))).isEmpty();
        assertThat(store().read(other, HOUR, HOUR.plusSeconds(3600))).containsEntry(new CounterKey(other, HOUR, "accepted.total"), 7L);
        store().increment(Map.of(key(HOUR, "accepted.total"), 2L));
        assertThat(store().read(domain, HOUR, HOUR.plusSeconds(3600))).isEqualTo(Map.of(key(HOUR, "accepted.total"), 2L));
    }
}
