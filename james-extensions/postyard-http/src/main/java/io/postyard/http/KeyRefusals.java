package io.postyard.http;

import java.util.Map;

/** A provider's answers to a request its key does not let through, in its own words and error format. */
public interface KeyRefusals {
    /** No credential at all. */
    ApiException missing();

    /** A credential that is no key of the provider's kinds. */
    ApiException wrong();

    /** The key's budget is spent; {@code headers} are its rate-limit headers and {@code Retry-After}. */
    ApiException rateLimited(RateLimit limit, Map<String, String> headers);
}
