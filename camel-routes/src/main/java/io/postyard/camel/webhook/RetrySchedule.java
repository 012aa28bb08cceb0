package io.postyard.camel.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A scheme's delays between attempts, the response codes it never retries, and how long a receiver has to answer.
 * Tests scale the delays ({@code POSTYARD_WEBHOOK_SCHEDULE_SCALE}) to run a whole schedule in seconds.
 */
public record RetrySchedule(List<Duration> delays, Set<Integer> finalCodes, Duration timeout) {
    public static final RetrySchedule MAILGUN = new RetrySchedule(
        List.of(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(4)),
        Set.of(406), Duration.ofSeconds(10));
    public static final RetrySchedule OPENMAIL = new RetrySchedule(
        List.of(Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(2), Duration.ofMinutes(4)),
        Set.of(), Duration.ofSeconds(15));
    public static final RetrySchedule OMYPOST = new RetrySchedule(
        List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(6)),
        Set.of(410), Duration.ofSeconds(15));

    public RetrySchedule {
        delays = List.copyOf(delays);
        finalCodes = Set.copyOf(finalCodes);
    }

    /** Camel's delay pattern: the delay before redelivery n, in milliseconds, scaled. */
    public String delayPattern(double scale) {
        StringBuilder pattern = new StringBuilder();
        for (int i = 0; i < delays.size(); i++) {
            if (i > 0) {
                pattern.append(';');
            }
            pattern.append(i + 1).append(':').append(Math.round(delays.get(i).toMillis() * scale));
        }
        return pattern.toString();
    }
}
