package io.postyard.webadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.james.core.Domain;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.postyard.core.account.AccountId;
import io.postyard.core.event.EventType;
import io.postyard.core.event.MemoryEventStore;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.stats.MemoryStatsStore;
import io.postyard.core.stats.StatsService;
import io.postyard.core.stats.StatsStore;

class StatsAdminRoutesTest {
    private static final Domain DOMAIN = Domain.of("stats.test");
    private static final Domain OTHER = Domain.of("other.test");
    private static final Instant HOUR = Instant.parse("2026-03-01T10:00:00Z");

    private final MemoryEventStore events = new MemoryEventStore();
    private final MemoryStatsStore counters = new MemoryStatsStore();
    private TestWebAdmin webAdmin;

    @BeforeEach
    void startWebAdmin() {
        webAdmin = TestWebAdmin.serving(new StatsAdminRoutes(new StatsService(counters, events), new JsonTransformer()));
    }

    @AfterEach
    void stopWebAdmin() {
        webAdmin.destroy();
    }

    private void store(EventType type, Domain domain) {
        events.append(PostyardEvent.builder(type, AccountId.DEFAULT, domain).timestamp(HOUR.plusSeconds(60)).build());
    }

    /** A count the events do not back, as left by a lost or doubled increment. */
    private void driftedCounter(Domain domain, long value) {
        counters.increment(Map.of(new StatsStore.CounterKey(domain, HOUR, "delivered.total"), value));
    }

    private Map<String, Long> countersOf(Domain domain) {
        return counters.read(domain, Instant.EPOCH, HOUR.plusSeconds(3600)).entrySet().stream()
            .collect(Collectors.toMap(entry -> entry.getKey().counter(), Map.Entry::getValue));
    }

    @Test
    void aRebuildReplacesADomainsCountersWithOnesComputedFromItsEvents() {
        store(EventType.ACCEPTED, DOMAIN);
        store(EventType.DELIVERED, DOMAIN);
        store(EventType.DELIVERED, DOMAIN);
        store(EventType.DELIVERED, OTHER);
        driftedCounter(DOMAIN, 99);
        driftedCounter(OTHER, 7);

        TestWebAdmin.Reply rebuilt = webAdmin.post("/postyard/stats/stats.test/rebuild");

        assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
        assertThat(rebuilt.json().get("domain").asText()).isEqualTo("stats.test");
        assertThat(rebuilt.json().get("events").asLong()).isEqualTo(3);
        assertThat(countersOf(DOMAIN)).containsOnly(
            Map.entry("accepted.outgoing", 1L),
            Map.entry("accepted.total", 1L),
            Map.entry("delivered.smtp", 2L),
            Map.entry("delivered.total", 2L));
        assertThat(countersOf(OTHER)).containsOnly(Map.entry("delivered.total", 7L));
    }

    @Test
    void countersNoEventBacksAreDropped() {
        driftedCounter(DOMAIN, 99);

        TestWebAdmin.Reply rebuilt = webAdmin.post("/postyard/stats/stats.test/rebuild");

        assertThat(rebuilt.status()).isEqualTo(200);
        assertThat(rebuilt.json().get("events").asLong()).isZero();
        assertThat(countersOf(DOMAIN)).isEmpty();
    }

    @Test
    void anInvalidDomainIsA400InJamesErrorFormat() {
        driftedCounter(DOMAIN, 99);

        TestWebAdmin.Reply refused = webAdmin.post("/postyard/stats/-bad.test/rebuild");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("statusCode").asInt()).isEqualTo(400);
        assertThat(refused.json().get("type").asText()).isEqualTo("InvalidArgument");
        assertThat(refused.json().get("message").asText()).isEqualTo("Invalid domain");
        assertThat(countersOf(DOMAIN)).containsOnly(Map.entry("delivered.total", 99L));
    }
}
