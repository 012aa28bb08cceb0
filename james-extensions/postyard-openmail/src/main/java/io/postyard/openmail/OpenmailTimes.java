package io.postyard.openmail;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as openmail writes them: UTC, always with milliseconds ({@code 2026-02-24T10:00:00.000Z}). */
final class OpenmailTimes {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    private OpenmailTimes() {
    }
}
