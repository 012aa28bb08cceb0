package io.postyard.http;

import java.util.Optional;

import io.postyard.core.key.ApiKey;
import spark.Request;

/** The key a provider's authentication filter accepted for the current request. */
public final class Authenticated {
    private static final String ATTRIBUTE = "postyard.apiKey";

    public static void set(Request request, ApiKey key) {
        request.attribute(ATTRIBUTE, key);
    }

    public static Optional<ApiKey> of(Request request) {
        return Optional.ofNullable(request.attribute(ATTRIBUTE));
    }

    public static ApiKey require(Request request) {
        return of(request).orElseThrow(() -> new IllegalStateException("Route reached without authentication"));
    }

    private Authenticated() {
    }
}
