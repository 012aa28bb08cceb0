package io.postyard.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.james.core.Domain;
import org.junit.jupiter.api.Test;

import io.postyard.core.account.AccountId;
import io.postyard.core.event.EventType;
import io.postyard.core.event.MemoryEventStore;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.event.Severity;

class StatsServiceTest {
    private static final Domain DOMAIN = Domain.of("stats.test");
    private static final Instant HOUR = Instant.parse("2026-03-01T10:00:00Z");

    private final MemoryEventStore events = new MemoryEventStore();
    private final StatsService stats = new StatsService(new MemoryStatsStore(), events);

    private static PostyardEvent.Builder event(EventType type, Instant at) {
        return PostyardEvent.builder(type, AccountId.DEFAULT, DOMAIN).timestamp(at);
    }

    private Map<String, Long> countersAt(Instant hour) {
        return stats.read(DOMAIN, hour, hour.plusSeconds(3600)).entrySet().stream()
            .filter(entry -> entry.getKey().hour().equals(hour))
            .collect(java.util.stream.Collectors.toMap(entry -> entry.getKey().counter(), Map.Entry::getValue));
    }

    @Test
    void failuresAreSplitByKind() {
        stats.record(List.of(
            event(EventType.FAILED, HOUR).severity(Severity.PERMANENT).reason("bounce").build(),
            event(EventType.FAILED, HOUR).severity(Severity.PERMANENT).reason("bounce").details(Map.of("delayed", "true")).build(),
            event(EventType.FAILED, HOUR).severity(Severity.PERMANENT).reason("suppress-unsubscribe").build(),
            event(EventType.FAILED, HOUR).severity(Severity.PERMANENT).reason("generic").build(),
            event(EventType.FAILED, HOUR).severity(Severity.TEMPORARY).reason("generic").build()));

        assertThat(countersAt(HOUR)).containsOnly(
            Map.entry("failed.permanent.bounce", 1L),
            Map.entry("failed.permanent.delayed-bounce", 1L),
            Map.entry("failed.permanent.suppress-unsubscribe", 1L),
            Map.entry("failed.permanent.total", 4L),
            Map.entry("failed.temporary.espblock", 1L));
    }

    @Test
    void eventsCountInTheHourTheyHappened() {
        stats.record(List.of(
            event(EventType.ACCEPTED, HOUR.plusSeconds(3599)).build(),
            event(EventType.ACCEPTED, HOUR.plusSeconds(3600)).build()));

        assertThat(countersAt(HOUR)).containsEntry("accepted.outgoing", 1L).containsEntry("accepted.total", 1L);
        assertThat(countersAt(HOUR.plusSeconds(3600))).containsEntry("accepted.total", 1L);
    }

    @Test
    void aRebuildRecomputesTheCountersFromStoredEvents() {
        PostyardEvent delivered = event(EventType.DELIVERED, HOUR).build();
        events.append(delivered);
        events.append(event(EventType.OPENED, HOUR).build());
        stats.record(List.of(delivered, delivered, delivered));

        long replayed = stats.rebuild(DOMAIN);

        assertThat(replayed).isEqualTo(2);
        assertThat(countersAt(HOUR)).containsOnly(
            Map.entry("delivered.smtp", 1L), Map.entry("delivered.total", 1L), Map.entry("opened.total", 1L));
    }
}
