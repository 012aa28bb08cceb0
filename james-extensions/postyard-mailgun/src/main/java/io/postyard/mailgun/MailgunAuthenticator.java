package io.postyard.mailgun;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 * HTTP Basic with user {@code api} and the key as password, as Mailgun does. Only primary and domain sending keys
 * are Mailgun keys; every accepted request is charged to the key's rate budget.
 */
public class MailgunAuthenticator {
    static final String API_USER = "api";
    private static final Set<KeyKind> MAILGUN_KINDS = Set.of(KeyKind.PRIMARY, KeyKind.DOMAIN_SENDING);
    private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Basic realm=\"MG API\"");
    private static final String RATE_BUDGET = "mailgun";

    private final ApiKeyService keys;
    private final RateLimiter rateLimiter;
    private final long limitPerMinute;

    @Inject
    public MailgunAuthenticator(ApiKeyService keys, RateLimiter rateLimiter, PostyardSettings settings) {
        this.keys = keys;
        this.rateLimiter = rateLimiter;
        this.limitPerMinute = settings.getLong(Setting.HTTP_RATE_LIMIT_PER_MINUTE);
    }

    public void authenticate(Request request, Response response) {
        ApiKey key = basicPassword(request.headers("Authorization"))
            .flatMap(keys::authenticate)
            .filter(candidate -> MAILGUN_KINDS.contains(candidate.kind()))
            .orElseThrow(() -> new ApiException(new ApiError(401, ErrorCode.INVALID_CREDENTIALS, "Forbidden"), CHALLENGE));
        Authenticated.set(request, key);
        charge(key, response);
    }

    private void charge(ApiKey key, Response response) {
        RateLimit limit = rateLimiter.consume(RATE_BUDGET, key.id().value(), limitPerMinute, Duration.ofMinutes(1));
        response.header("X-RateLimit-Limit", String.valueOf(limit.limit()));
        response.header("X-RateLimit-Remaining", String.valueOf(limit.remaining()));
        response.header("X-RateLimit-Reset", String.valueOf(limit.secondsUntilReset()));
        if (!limit.allowed()) {
            throw new ApiException(new ApiError(429, ErrorCode.RATE_LIMITED, "Too many requests"),
                Map.of("Retry-After", String.valueOf(limit.secondsUntilRetry()),
                    "X-RateLimit-Limit", String.valueOf(limit.limit()),
                    "X-RateLimit-Remaining", "0",
                    "X-RateLimit-Reset", String.valueOf(limit.secondsUntilReset())));
        }
    }

    static Optional<String> basicPassword(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || !decoded.substring(0, colon).equals(API_USER)) {
            return Optional.empty();
        }
        return Optional.of(decoded.substring(colon + 1));
    }
}
