package io.postyard.tempmail;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.inject.Inject;

import io.postyard.core.key.KeyKind;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.http.ApiError;
import io.postyard.http.ApiException;
import io.postyard.http.ErrorCode;
import io.postyard.http.KeyAuthentication;
import io.postyard.http.KeyBudget;
import io.postyard.http.KeyPolicy;
import io.postyard.http.KeyRefusals;
import io.postyard.http.KeySource;
import io.postyard.http.RateLimit;
import spark.Request;
import spark.Response;

/**
 * The {@code X-API-Key} header with a Temp Mail key, then a fixed window of requests per key, reported as the document
 * says: {@code X-Ratelimit-Limit}, {@code -Remaining}, {@code -Used} and {@code -Reset} (when the window ends, in epoch
 * seconds). An empty key and a wrong one are Temp Mail's two errors, {@code api_key_empty} and {@code api_key_invalid}.
 */
class TempMailAuthenticator {
    static final KeyKind KIND = new KeyKind("tempmail");

    private final KeyAuthentication authentication;
    private final Clock clock;
    private final KeyPolicy policy;

    @Inject
    TempMailAuthenticator(KeyAuthentication authentication, Clock clock, PostyardSettings settings) {
        this.authentication = authentication;
        this.clock = clock;
        KeyBudget budget = new KeyBudget("tempmail", settings.getLong(TempMailSettings.RATE_LIMIT),
            settings.getDuration(TempMailSettings.RATE_WINDOW), true);
        this.policy = new KeyPolicy(KeySource.header("X-API-Key"), Set.of(KIND), request -> budget, this::headers, new Refusals());
    }

    void authenticate(Request request, Response response) {
        authentication.authenticate(request, response, policy);
    }

    /** The budget of the request being answered, as {@code GET /v1/rate_limit} reports it. */
    Map<String, Object> usage(Request request) {
        RateLimit usage = KeyAuthentication.rateLimitOf(request).orElseThrow(() -> new IllegalStateException("Not authenticated"));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("limit", usage.limit());
        view.put("remaining", usage.remaining());
        view.put("used", usage.limit() - usage.remaining());
        view.put("reset", resetAt(usage));
        return view;
    }

    private Map<String, String> headers(RateLimit usage) {
        return Map.of(
            "X-Ratelimit-Limit", String.valueOf(usage.limit()),
            "X-Ratelimit-Remaining", String.valueOf(usage.remaining()),
            "X-Ratelimit-Used", String.valueOf(usage.limit() - usage.remaining()),
            "X-Ratelimit-Reset", String.valueOf(resetAt(usage)));
    }

    private long resetAt(RateLimit usage) {
        return clock.instant().getEpochSecond() + usage.secondsUntilReset();
    }

    private static final class Refusals implements KeyRefusals {
        @Override
        public ApiException missing() {
            return new ApiException(new ApiError(401, ErrorCode.UNAUTHENTICATED, "API key is empty: send it in the X-API-Key header"));
        }

        @Override
        public ApiException wrong() {
            return new ApiException(new ApiError(401, ErrorCode.INVALID_CREDENTIALS, "API key is invalid"));
        }

        @Override
        public ApiException rateLimited(RateLimit limit, Map<String, String> headers) {
            return new ApiException(new ApiError(429, ErrorCode.RATE_LIMITED, "You have reached your rate limit. Please try again later."),
                headers);
        }
    }
}
