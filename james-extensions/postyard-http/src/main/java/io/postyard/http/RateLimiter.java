package io.postyard.http;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * A token bucket per (budget name, key): each key gets {@code limit} requests per window, refilled smoothly. Budget
 * names let a provider give each API class its own allowance.
 */
public class RateLimiter {
    private record BucketKey(String budget, String keyId) {
    }

    private final ConcurrentHashMap<BucketKey, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimit consume(String budget, String keyId, long limit, Duration window) {
        Bucket bucket = buckets.computeIfAbsent(new BucketKey(budget, keyId), ignored -> newBucket(limit, window));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long untilReset = seconds(probe.getNanosToWaitForReset());
        long untilRetry = probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        return new RateLimit(probe.isConsumed(), limit, probe.getRemainingTokens(), untilReset, untilRetry);
    }

    /**
     * A fixed window instead: the whole allowance comes back at once when the window ends, as APIs that report
     * "used" and an absolute reset time (Temp Mail) count.
     */
    public RateLimit consumeInWindow(String budget, String keyId, long limit, Duration window) {
        Bucket bucket = buckets.computeIfAbsent(new BucketKey(budget, keyId), ignored -> Bucket.builder()
            .addLimit(Bandwidth.builder().capacity(limit).refillIntervally(limit, window).build())
            .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long untilReset = seconds(probe.getNanosToWaitForReset());
        long untilRetry = probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        return new RateLimit(probe.isConsumed(), limit, probe.getRemainingTokens(), untilReset, untilRetry);
    }

    private static Bucket newBucket(long limit, Duration window) {
        return Bucket.builder()
            .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, window).build())
            .build();
    }

    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
