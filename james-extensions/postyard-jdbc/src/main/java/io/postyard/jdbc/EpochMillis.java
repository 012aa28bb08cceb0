package io.postyard.jdbc;

import java.time.Instant;

/** Bounds on instants stored as epoch milliseconds, exact also for an instant between two milliseconds. */
final class EpochMillis {
    /** The first millisecond at or after the instant: a stored instant is at or after it exactly when it is at or after this. */
    static long ceil(Instant instant) {
        long floor = instant.toEpochMilli();
        return instant.getNano() % 1_000_000 == 0 ? floor : floor + 1;
    }

    private EpochMillis() {
    }
}
