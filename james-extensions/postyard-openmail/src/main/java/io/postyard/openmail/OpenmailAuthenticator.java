package io.postyard.openmail;

import java.util.Map;
import java.util.Set;

import javax.inject.Inject;

import io.postyard.core.key.KeyKind;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;
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
 * {@code Authorization: Bearer om_live_...} with a key of the openmail kind; any other kind of key is refused like an
 * unknown one. Each key also has the server's general request budget ({@code POSTYARD_HTTP_RATE_LIMIT_PER_MINUTE}),
 * reported in {@code X-RateLimit-*} headers; a spent budget is openmail's {@code rate_limit_exceeded} with
 * {@code Retry-After}. Both refusals of a key are openmail's {@code unauthorized}, worded apart.
 */
class OpenmailAuthenticator {
    static final KeyKind KIND = new KeyKind("openmail");
    static final String SECRET_PREFIX = "om_live_";
    private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Bearer realm=\"openmail\"");

    private final KeyAuthentication authentication;
    private final KeyPolicy policy;

    @Inject
    OpenmailAuthenticator(KeyAuthentication authentication, PostyardSettings settings) {
        this.authentication = authentication;
        KeyBudget budget = KeyBudget.perMinute("openmail", settings.getLong(Setting.HTTP_RATE_LIMIT_PER_MINUTE));
        this.policy = new KeyPolicy(KeySource.bearer(), Set.of(KIND), request -> budget, RateLimitHeaders.SECONDS_TO_RESET,
            new Refusals());
    }

    void authenticate(Request request, Response response) {
        authentication.authenticate(request, response, policy);
    }

    private static final class Refusals implements KeyRefusals {
        @Override
        public ApiException missing() {
            return OpenmailErrors.of(401, ErrorCode.UNAUTHENTICATED, "unauthorized",
                "An API key is required: send it as 'Authorization: Bearer om_live_...'", CHALLENGE);
        }

        @Override
        public ApiException wrong() {
            return OpenmailErrors.of(401, ErrorCode.INVALID_CREDENTIALS, "unauthorized", "The API key is not valid", CHALLENGE);
        }

        @Override
        public ApiException rateLimited(RateLimit limit, Map<String, String> headers) {
            return OpenmailErrors.of(429, ErrorCode.RATE_LIMITED, "rate_limit_exceeded",
                "Too many requests for this API key: at most " + limit.limit() + " a minute", headers);
        }
    }
}
