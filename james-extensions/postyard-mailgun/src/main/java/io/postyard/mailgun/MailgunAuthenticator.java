package io.postyard.mailgun;

import java.util.Map;
import java.util.Set;

import javax.inject.Inject;

import io.postyard.core.key.KeyKind;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;
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
 * HTTP Basic with user {@code api} and the key as password, as Mailgun does. Only primary and domain sending keys
 * are Mailgun keys; every accepted request is charged to the key's rate budget. Mailgun answers a missing key and a
 * wrong one alike: 401 {@code Forbidden}, with a Basic challenge.
 */
public class MailgunAuthenticator {
    static final String API_USER = "api";
    static final KeySource SOURCE = KeySource.basicPassword(API_USER);
    private static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Basic realm=\"MG API\"");

    private final KeyAuthentication authentication;
    private final KeyPolicy policy;

    @Inject
    public MailgunAuthenticator(KeyAuthentication authentication, PostyardSettings settings) {
        this.authentication = authentication;
        KeyBudget budget = KeyBudget.perMinute("mailgun", settings.getLong(Setting.HTTP_RATE_LIMIT_PER_MINUTE));
        this.policy = new KeyPolicy(SOURCE, Set.of(KeyKind.PRIMARY, KeyKind.DOMAIN_SENDING), request -> budget,
            RateLimitHeaders.SECONDS_TO_RESET, new Refusals());
    }

    public void authenticate(Request request, Response response) {
        authentication.authenticate(request, response, policy);
    }

    private static final class Refusals implements KeyRefusals {
        @Override
        public ApiException missing() {
            return wrong();
        }

        @Override
        public ApiException wrong() {
            return new ApiException(new ApiError(401, ErrorCode.INVALID_CREDENTIALS, "Forbidden"), CHALLENGE);
        }

        @Override
        public ApiException rateLimited(RateLimit limit, Map<String, String> headers) {
            return new ApiException(new ApiError(429, ErrorCode.RATE_LIMITED, "Too many requests"), headers);
        }
    }
}
