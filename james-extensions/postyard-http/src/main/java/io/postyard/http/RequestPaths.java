package io.postyard.http;

import java.io.ByteArrayOutputStream;

/**
 * Refuses a request path that is not well-formed percent-encoded UTF-8, or that decodes to control characters, with
 * a 400 before any route decodes its parameters: ids and domain names come from the path, and a route must never be
 * handed half-decoded garbage (or fail on it with a 500).
 */
final class RequestPaths {
    static void requireWellFormed(String rawPath) {
        if (rawPath == null) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                if (i + 2 >= rawPath.length() || Character.digit(rawPath.charAt(i + 1), 16) < 0 || Character.digit(rawPath.charAt(i + 2), 16) < 0) {
                    throw malformed();
                }
                bytes.write(Character.digit(rawPath.charAt(i + 1), 16) * 16 + Character.digit(rawPath.charAt(i + 2), 16));
                i += 2;
            } else if (c > 0x7f) {
                throw malformed();
            } else {
                bytes.write(c);
            }
        }
        String decoded;
        try {
            decoded = StrictUtf8.decode(bytes.toByteArray());
        } catch (ApiException e) {
            throw malformed();
        }
        if (decoded.chars().anyMatch(Character::isISOControl)) {
            throw malformed();
        }
    }

    private static ApiException malformed() {
        return ApiException.badRequest("Malformed request path");
    }

    private RequestPaths() {
    }
}
