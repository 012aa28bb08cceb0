package io.postyard.http;

import java.util.Map;

/** How a provider reports a key's budget on every answer. */
@FunctionalInterface
public interface RateLimitHeaders {
    /** {@code X-RateLimit-Limit}, {@code -Remaining} and {@code -Reset} (seconds until the budget is whole again). */
    RateLimitHeaders SECONDS_TO_RESET = limit -> Map.of(
        "X-RateLimit-Limit", String.valueOf(limit.limit()),
        "X-RateLimit-Remaining", String.valueOf(limit.remaining()),
        "X-RateLimit-Reset", String.valueOf(limit.secondsUntilReset()));

    Map<String, String> of(RateLimit limit);
}
