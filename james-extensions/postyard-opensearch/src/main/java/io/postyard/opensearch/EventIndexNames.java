package io.postyard.opensearch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The names under one prefix: an index per UTC day of the events' timestamps ({@code <prefix>-2026.05.10}), so an
 * event always lands in the same index and old days are dropped whole; the pattern searches read; the template's name.
 */
public record EventIndexNames(String prefix) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu.MM.dd").withZone(ZoneOffset.UTC);

    public EventIndexNames {
        Objects.requireNonNull(prefix);
    }

    public String dailyIndex(Instant timestamp) {
        return prefix + "-" + DAY.format(timestamp);
    }

    /** Every daily index; a search's timestamp range lets OpenSearch skip the shards of days outside it. */
    public String allIndices() {
        return prefix + "-*";
    }

    public String template() {
        return prefix;
    }
}
