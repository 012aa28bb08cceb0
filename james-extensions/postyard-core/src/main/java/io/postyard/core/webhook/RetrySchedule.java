package io.postyard.core.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A scheme's delays between attempts (one attempt, then a retry after each delay, each counted from the end of the
 * attempt before), the response codes it never retries, and how long a receiver has to answer. Tests scale the delays
 * ({@code POSTYARD_WEBHOOK_SCHEDULE_SCALE}) to run a whole schedule in seconds.
 */
public record RetrySchedule(List<Duration> delays, Set<Integer> finalCodes, Duration timeout) {
    public RetrySchedule {
        delays = List.copyOf(delays);
        finalCodes = Set.copyOf(finalCodes);
    }

    /**
     * A schedule documented as the times of its attempts counted from the first, the first at 0 (openmail's "at 0 s,
     * 30 s, 60 s, 2 min and 4 min" is five attempts, not a first one and five retries): kept as the delays between them.
     */
    public static RetrySchedule attemptsAt(List<Duration> offsets, Set<Integer> finalCodes, Duration timeout) {
        if (offsets.isEmpty() || !offsets.get(0).isZero()) {
            throw new IllegalArgumentException("The first attempt is at offset 0, was " + offsets);
        }
        List<Duration> delays = new ArrayList<>();
        for (int i = 1; i < offsets.size(); i++) {
            Duration delay = offsets.get(i).minus(offsets.get(i - 1));
            if (delay.isNegative()) {
                throw new IllegalArgumentException("Attempt offsets must not decrease, were " + offsets);
            }
            delays.add(delay);
        }
        return new RetrySchedule(delays, finalCodes, timeout);
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
