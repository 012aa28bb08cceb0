package io.postyard.core.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A scheme's delays between attempts, the response codes it never retries, and how long a receiver has to answer.
 * Tests scale the delays ({@code POSTYARD_WEBHOOK_SCHEDULE_SCALE}) to run a whole schedule in seconds.
 */
public record RetrySchedule(List<Duration> delays, Set<Integer> finalCodes, Duration timeout) {
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
