package io.postyard.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import spark.Request;

/**
 * Where a provider's clients put their API key. A request either presents a credential or does not (a missing key);
 * a presented credential either holds a secret in the provider's form or does not (a wrong key, like a secret that
 * matches no key).
 */
public interface KeySource {
    /** The raw credential the request presents, if any: a header's value, not blank. */
    Optional<String> presented(Request request);

    /** The key secret in that credential, if it has the provider's form. */
    Optional<String> secret(String presented);

    /** {@code Authorization: Basic base64(user:secret)}, with the user the provider names (Mailgun's {@code api}). */
    static KeySource basicPassword(String user) {
        return new KeySource() {
            @Override
            public Optional<String> presented(Request request) {
                return header(request, "Authorization");
            }

            @Override
            public Optional<String> secret(String presented) {
                if (!presented.regionMatches(true, 0, "Basic ", 0, 6)) {
                    return Optional.empty();
                }
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(presented.substring(6).trim()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
                int colon = decoded.indexOf(':');
                if (colon < 0 || !decoded.substring(0, colon).equals(user)) {
                    return Optional.empty();
                }
                return Optional.of(decoded.substring(colon + 1));
            }
        };
    }

    /** {@code Authorization: Bearer <secret>} (RFC 6750). */
    static KeySource bearer() {
        return new KeySource() {
            @Override
            public Optional<String> presented(Request request) {
                return header(request, "Authorization");
            }

            @Override
            public Optional<String> secret(String presented) {
                return BearerToken.from(presented);
            }
        };
    }

    /** The secret alone in a header of its own (Temp Mail's {@code X-API-Key}). */
    static KeySource header(String name) {
        return new KeySource() {
            @Override
            public Optional<String> presented(Request request) {
                return header(request, name);
            }

            @Override
            public Optional<String> secret(String presented) {
                return Optional.of(presented.trim());
            }
        };
    }

    private static Optional<String> header(Request request, String name) {
        return Optional.ofNullable(request.headers(name)).filter(value -> !value.isBlank());
    }
}
