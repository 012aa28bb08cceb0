package io.postyard.http;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import io.postyard.core.key.ApiKey;
import io.postyard.core.key.ApiKeyService;
import io.postyard.core.key.KeyUses;
import spark.Request;
import spark.Response;

/**
 * The one key check of every provider, run before its routes: the request's key, by the provider's {@link KeyPolicy},
 * is authenticated (a missing key and a wrong one refused in the provider's words), charged to its budget, and the
 * budget reported in the provider's rate-limit headers on every answer, refusals included.
 */
public class KeyAuthentication {
    private static final String LIMIT = "postyard.rateLimit";

    private final ApiKeyService keys;
    private final KeyUses uses;
    private final RateLimiter rateLimiter;

    @Inject
    public KeyAuthentication(ApiKeyService keys, KeyUses uses, RateLimiter rateLimiter) {
        this.keys = keys;
        this.uses = uses;
        this.rateLimiter = rateLimiter;
    }

    /** The budget the current request was charged to, once authenticated. */
    public static Optional<RateLimit> rateLimitOf(Request request) {
        return Optional.ofNullable(request.attribute(LIMIT));
    }

    public ApiKey authenticate(Request request, Response response, KeyPolicy policy) {
        String presented = policy.source().presented(request).orElseThrow(policy.refusals()::missing);
        ApiKey key = policy.source().secret(presented)
            .flatMap(keys::authenticate)
            .filter(candidate -> policy.kinds().contains(candidate.kind()))
            .orElseThrow(policy.refusals()::wrong);
        Authenticated.set(request, key);
        uses.used(key);
        charge(request, response, policy, key);
        return key;
    }

    private void charge(Request request, Response response, KeyPolicy policy, ApiKey key) {
        KeyBudget budget = policy.budget().apply(request);
        RateLimit limit = budget.fixedWindow()
            ? rateLimiter.consumeInWindow(budget.name(), key.id().value(), budget.limit(), budget.window())
            : rateLimiter.consume(budget.name(), key.id().value(), budget.limit(), budget.window());
        request.attribute(LIMIT, limit);
        Map<String, String> headers = policy.headers().of(limit);
        headers.forEach(response::header);
        if (!limit.allowed()) {
            Map<String, String> refused = new HashMap<>(headers);
            refused.put("Retry-After", String.valueOf(limit.secondsUntilRetry()));
            throw policy.refusals().rateLimited(limit, refused);
        }
    }
}
