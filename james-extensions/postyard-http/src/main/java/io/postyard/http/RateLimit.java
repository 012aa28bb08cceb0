package io.postyard.http;

/** The outcome of taking one request from a key's budget, with what the provider's rate-limit headers report. */
public record RateLimit(boolean allowed, long limit, long remaining, long secondsUntilReset, long secondsUntilRetry) {
}
