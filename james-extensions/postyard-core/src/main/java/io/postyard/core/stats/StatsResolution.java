package io.postyard.core.stats;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** How finely counters are rolled up: hours, days or months of the UTC calendar. */
public enum StatsResolution {
    HOUR, DAY, MONTH;

    /** Where the first bucket of a range begins: the start, to the hour (hours) or to the day (days and months). */
    public Instant firstBucket(Instant start) {
        return start.truncatedTo(this == HOUR ? ChronoUnit.HOURS : ChronoUnit.DAYS);
    }

    /** Where the bucket after {@code bucket} begins: the next hour, day, or first of the month. */
    public Instant next(Instant bucket) {
        ZonedDateTime time = bucket.atZone(ZoneOffset.UTC);
        return switch (this) {
            case HOUR -> time.plusHours(1).toInstant();
            case DAY -> time.plusDays(1).toInstant();
            case MONTH -> time.withDayOfMonth(1).plusMonths(1).toInstant();
        };
    }
}
