package io.postyard.cassandra;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The width of the time buckets a table is partitioned by: each instant belongs to the bucket that starts it (UTC). */
public enum TimeBucket {
    HOUR,
    DAY,
    MONTH;

    public Instant of(Instant instant) {
        return switch (this) {
            case HOUR -> instant.truncatedTo(ChronoUnit.HOURS);
            case DAY -> instant.truncatedTo(ChronoUnit.DAYS);
            case MONTH -> instant.atOffset(ZoneOffset.UTC).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).toInstant();
        };
    }

    /** The start of the bucket after the one {@code bucket} starts. */
    public Instant next(Instant bucket) {
        return switch (this) {
            case HOUR -> bucket.plus(1, ChronoUnit.HOURS);
            case DAY -> bucket.plus(1, ChronoUnit.DAYS);
            case MONTH -> bucket.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
        };
    }
}
