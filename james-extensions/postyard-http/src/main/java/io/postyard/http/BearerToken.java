package io.postyard.http;

import java.util.Optional;

/** The token of an {@code Authorization: Bearer <token>} header (RFC 6750), the scheme name in any case. */
public final class BearerToken {
    private static final String SCHEME = "Bearer ";

    public static Optional<String> from(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(SCHEME.length()).trim()).filter(token -> !token.isEmpty());
    }

    private BearerToken() {
    }
}
