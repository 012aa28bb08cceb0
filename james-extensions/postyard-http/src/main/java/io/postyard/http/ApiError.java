package io.postyard.http;

import java.util.Map;
import java.util.Objects;

/**
 * A provider-neutral error. Each provider's {@link ErrorRenderer} turns it into that provider's own body, so routes
 * and shared filters never need to know which provider they serve.
 */
public record ApiError(int status, ErrorCode code, String message, Map<String, Object> details) {
    public ApiError {
        Objects.requireNonNull(code);
        Objects.requireNonNull(message);
        // Insertion order is kept: providers document their details in a fixed order ({"field", "reason"}).
        details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }

    public ApiError(int status, ErrorCode code, String message) {
        this(status, code, message, Map.of());
    }
}
