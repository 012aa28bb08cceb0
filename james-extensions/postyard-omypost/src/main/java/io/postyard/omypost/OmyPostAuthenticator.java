package io.postyard.omypost;

import java.time.Duration;
import java.util.Map;

import javax.inject.Inject;

import io.postyard.core.key.ApiKey;
import io.postyard.core.key.ApiKeyService;
import io.postyard.core.key.KeyKind;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.http.ApiError;
import io.postyard.http.ApiException;
import io.postyard.http.Authenticated;
import io.postyard.http.BearerToken;
import io.postyard.http.ErrorCode;
import io.postyard.http.RateLimit;
import io.postyard.http.RateLimiter;
import spark.Request;
import spark.Response;

/**
 * {@code Authorization: Bearer <key>} with an OmyPost key, then the request is charged to the key's budget for its API
 * class; every answer carries that budget's {@code X-RateLimit-*} headers.
 */
class OmyPostAuthenticator {
    static final KeyKind KIND = new KeyKind("omypost");
    private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Bearer realm=\"OmyPost\"");

    private final ApiKeyService keys;
    private final RateLimiter rateLimiter;
    private final PostyardSettings settings;

    @Inject
    OmyPostAuthenticator(ApiKeyService keys, RateLimiter rateLimiter, PostyardSettings settings) {
        this.keys = keys;
        this.rateLimiter = rateLimiter;
        this.settings = settings;
    }

    void authenticate(Request request, Response response) {
        String authorization = request.headers("Authorization");
        if (authorization == null || authorization.isBlank()) {
            throw new ApiException(new ApiError(401, ErrorCode.UNAUTHENTICATED, "Missing API key",
                Map.of("reason", "Send the key as 'Authorization: Bearer <key>'")), CHALLENGE);
        }
        ApiKey key = BearerToken.from(authorization)
            .flatMap(keys::authenticate)
            .filter(candidate -> candidate.kind().equals(KIND))
            .orElseThrow(() -> new ApiException(new ApiError(401, ErrorCode.INVALID_CREDENTIALS, "Invalid API key"), CHALLENGE));
        Authenticated.set(request, key);
        charge(key, ApiClass.of(request.requestMethod(), request.pathInfo()), response);
    }

    private void charge(ApiKey key, ApiClass apiClass, Response response) {
        RateLimit limit = rateLimiter.consume(apiClass.budget(), key.id().value(), apiClass.limitPerMinute(settings), Duration.ofMinutes(1));
        Map<String, String> headers = Map.of(
            "X-RateLimit-Limit", String.valueOf(limit.limit()),
            "X-RateLimit-Remaining", String.valueOf(limit.remaining()),
            "X-RateLimit-Reset", String.valueOf(limit.secondsUntilReset()));
        headers.forEach(response::header);
        if (!limit.allowed()) {
            Map<String, String> refused = new java.util.HashMap<>(headers);
            refused.put("Retry-After", String.valueOf(limit.secondsUntilRetry()));
            throw new ApiException(new ApiError(429, ErrorCode.RATE_LIMITED, "Too many requests",
                Map.of("limit", limit.limit(), "window", "1 minute", "retry_after", limit.secondsUntilRetry())), refused);
        }
    }
}
