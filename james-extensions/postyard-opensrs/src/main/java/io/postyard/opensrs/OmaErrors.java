package io.postyard.opensrs;

import java.util.LinkedHashMap;
import java.util.Map;

import io.postyard.http.ErrorCode;
import io.postyard.http.ErrorRenderer;
import io.postyard.http.Json;

/**
 * OMA's envelope for what goes wrong before a method runs (JSON that does not parse, an unknown method, an oversized
 * body): {@code {"success": false, "error_number", "error"}}, with the HTTP status the real service gives.
 */
final class OmaErrors {
    static final ErrorRenderer RENDERER = (error, requestId) -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error_number", number(error.code()).number());
        body.put("error", error.message());
        return Json.write(body);
    };

    static OmaError number(ErrorCode code) {
        return switch (code) {
            case INTERNAL -> OmaError.SERVER;
            case UNAUTHENTICATED, INVALID_CREDENTIALS -> OmaError.BAD_CREDENTIALS;
            case FORBIDDEN -> OmaError.NO_PERMISSION;
            default -> OmaError.MALFORMED_REQUEST;
        };
    }

    private OmaErrors() {
    }
}
