package io.postyard.tempmail;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import javax.inject.Inject;

import io.postyard.core.key.ApiKey;
import io.postyard.core.key.ApiKeyService;
import io.postyard.core.key.KeyKind;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;
import io.postyard.http.ApiError;
import io.postyard.http.ApiException;
import io.postyard.http.Authenticated;
import io.postyard.http.ErrorCode;
import io.postyard.http.RateLimit;
import io.postyard.http.RateLimiter;
import spark.Request;
import spark.Response;

/**
 * {@code X-API-Key} with a Temp Mail key; then the request counts against the key's window, reported on every answer
 * as {@code X-Ratelimit-Limit}, {@code -Remaining}, {@code -Used} and {@code -Reset} (UTC epoch seconds).
 */
class TempMailAuthenticator {
    static final KeyKind KIND = new KeyKind("tempmail");
    static final String USAGE = "postyard.tempmail.usage";
    private static final String BUDGET = "tempmail";

    private final ApiKeyService keys;
    private final RateLimiter rateLimiter;
    private final Clock clock;
    private final long limit;
    private final Duration window;

    @Inject
    TempMailAuthenticator(ApiKeyService keys, RateLimiter rateLimiter, Clock clock, PostyardSettings settings) {
        this.keys = keys;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
        this.limit = settings.getLong(Setting.TEMPMAIL_RATE_LIMIT);
        this.window = settings.getDuration(Setting.TEMPMAIL_RATE_WINDOW);
    }

    void authenticate(Request request, Response response) {
        String secret = request.headers("X-API-Key");
        if (secret == null || secret.isBlank()) {
            throw new ApiException(new ApiError(401, ErrorCode.UNAUTHENTICATED, "API key is empty: send it in the X-API-Key header"));
        }
        ApiKey key = keys.authenticate(secret.trim())
            .filter(candidate -> candidate.kind().equals(KIND))
            .orElseThrow(() -> new ApiException(new ApiError(401, ErrorCode.INVALID_CREDENTIALS, "API key is invalid")));
        Authenticated.set(request, key);
        RateLimit usage = rateLimiter.consumeInWindow(BUDGET, key.id().value(), limit, window);
        Map<String, String> headers = headers(usage);
        headers.forEach(response::header);
        request.attribute(USAGE, usage);
        if (!usage.allowed()) {
            Map<String, String> refused = new HashMap<>(headers);
            refused.put("Retry-After", String.valueOf(usage.secondsUntilRetry()));
            throw new ApiException(new ApiError(429, ErrorCode.RATE_LIMITED, "You have reached your rate limit. Please try again later."),
                refused);
        }
    }

    Map<String, String> headers(RateLimit usage) {
        return Map.of(
            "X-Ratelimit-Limit", String.valueOf(usage.limit()),
            "X-Ratelimit-Remaining", String.valueOf(usage.remaining()),
            "X-Ratelimit-Used", String.valueOf(usage.limit() - usage.remaining()),
            "X-Ratelimit-Reset", String.valueOf(resetAt(usage)));
    }

    long resetAt(RateLimit usage) {
        return clock.instant().getEpochSecond() + usage.secondsUntilReset();
    }
}
