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
        return stats.rollUp(DOMAIN, hour, hour.plusSeconds(3600), StatsResolution.HOUR).get(0).counters();
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

    @Test
    void aRollUpFollowsTheCalendarExceptItsFirstBucketWhichBeginsAtTheStart() {
        stats.record(List.of(
            event(EventType.ACCEPTED, Instant.parse("2026-03-01T09:00:00Z")).build(),
            event(EventType.ACCEPTED, Instant.parse("2026-03-01T23:00:00Z")).build(),
            event(EventType.ACCEPTED, Instant.parse("2026-03-02T00:00:00Z")).build(),
            event(EventType.ACCEPTED, Instant.parse("2026-04-03T12:00:00Z")).build()));

        List<StatsBucket> months = stats.rollUp(DOMAIN, Instant.parse("2026-03-01T10:30:00Z"), Instant.parse("2026-04-30T00:00:00Z"),
            StatsResolution.MONTH);

        assertThat(months).extracting(StatsBucket::start)
            .containsExactly(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(months).extracting(bucket -> bucket.count("accepted.total")).containsExactly(3L, 1L);
    }

    @Test
    void aRangeOfTooManyBucketsIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> stats.rollUp(DOMAIN, Instant.EPOCH, Instant.parse("2026-01-01T00:00:00Z"),
            StatsResolution.HOUR)).isInstanceOf(IllegalArgumentException.class);
    }
}
