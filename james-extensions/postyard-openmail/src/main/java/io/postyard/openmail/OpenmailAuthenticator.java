package io.postyard.openmail;

import java.time.Duration;
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
import io.postyard.http.BearerToken;
import io.postyard.http.ErrorCode;
import io.postyard.http.RateLimit;
import io.postyard.http.RateLimiter;
import spark.Request;
import spark.Response;

/**
 * {@code Authorization: Bearer om_live_...} with a key of the openmail kind; any other kind of key is refused like an
 * unknown one. Each key also has the server's general request budget ({@code POSTYARD_HTTP_RATE_LIMIT_PER_MINUTE}).
 */
class OpenmailAuthenticator {
    static final KeyKind KIND = new KeyKind("openmail");
    static final String SECRET_PREFIX = "om_live_";
    private static final String BUDGET = "openmail";
    private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Bearer realm=\"openmail\"");

    private final ApiKeyService keys;
    private final RateLimiter rateLimiter;
    private final long limitPerMinute;

    @Inject
    OpenmailAuthenticator(ApiKeyService keys, RateLimiter rateLimiter, PostyardSettings settings) {
        this.keys = keys;
        this.rateLimiter = rateLimiter;
        this.limitPerMinute = settings.getLong(Setting.HTTP_RATE_LIMIT_PER_MINUTE);
    }

    void authenticate(Request request, Response response) {
        ApiKey key = BearerToken.from(request.headers("Authorization"))
            .flatMap(keys::authenticate)
            .filter(candidate -> candidate.kind().equals(KIND))
            .orElseThrow(() -> new ApiException(new ApiError(401, ErrorCode.UNAUTHENTICATED,
                "A valid API key is required: send it as 'Authorization: Bearer om_live_...'"), CHALLENGE));
        Authenticated.set(request, key);
        RateLimit limit = rateLimiter.consume(BUDGET, key.id().value(), limitPerMinute, Duration.ofMinutes(1));
        if (!limit.allowed()) {
            throw OpenmailErrors.rateLimitExceeded("Too many requests for this API key: at most " + limitPerMinute + " a minute",
                limit.secondsUntilRetry());
        }
    }
}
