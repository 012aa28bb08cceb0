package io.postyard.omypost;

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
import io.postyard.http.RateLimitHeaders;
import spark.Request;
import spark.Response;

/**
 * {@code Authorization: Bearer <key>} with an OmyPost key, then the request is charged to the key's budget for its API
 * class; every answer carries that budget's {@code X-RateLimit-*} headers.
 */
class OmyPostAuthenticator {
    static final KeyKind KIND = new KeyKind("omypost");
    private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Bearer realm=\"OmyPost\"");

    private final KeyAuthentication authentication;
    private final KeyPolicy policy;

    @Inject
    OmyPostAuthenticator(KeyAuthentication authentication, PostyardSettings settings) {
        this.authentication = authentication;
        this.policy = new KeyPolicy(KeySource.bearer(), Set.of(KIND), request -> budgetOf(request, settings),
            RateLimitHeaders.SECONDS_TO_RESET, new Refusals());
    }

    void authenticate(Request request, Response response) {
        authentication.authenticate(request, response, policy);
    }

    private static KeyBudget budgetOf(Request request, PostyardSettings settings) {
        ApiClass apiClass = ApiClass.of(request.requestMethod(), request.pathInfo());
        return KeyBudget.perMinute(apiClass.budget(), apiClass.limitPerMinute(settings));
    }

    private static final class Refusals implements KeyRefusals {
        @Override
        public ApiException missing() {
            return new ApiException(new ApiError(401, ErrorCode.UNAUTHENTICATED, "Missing API key",
                Map.of("reason", "Send the key as 'Authorization: Bearer <key>'")), CHALLENGE);
        }

        @Override
        public ApiException wrong() {
            return new ApiException(new ApiError(401, ErrorCode.INVALID_CREDENTIALS, "Invalid API key"), CHALLENGE);
        }

        @Override
        public ApiException rateLimited(RateLimit limit, Map<String, String> headers) {
            return new ApiException(new ApiError(429, ErrorCode.RATE_LIMITED, "Too many requests",
                Map.of("limit", limit.limit(), "window", "1 minute", "retry_after", limit.secondsUntilRetry())), headers);
        }
    }
}
