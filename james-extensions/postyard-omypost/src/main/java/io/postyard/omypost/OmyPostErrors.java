package io.postyard.omypost;

import java.util.LinkedHashMap;
import java.util.Map;

import io.postyard.http.ErrorCode;
import io.postyard.http.ErrorRenderer;
import io.postyard.http.Json;

/** OmyPost's error body: {@code {"error":{"code","message","details"}}}, with the document's code names. */
final class OmyPostErrors {
    static final ErrorRenderer RENDERER = (error, requestId) -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code(error.code()));
        body.put("message", error.message());
        Map<String, Object> details = new LinkedHashMap<>(error.details());
        body.put("details", details);
        return Json.write(Map.of("error", body));
    };

    static String code(ErrorCode code) {
        return switch (code) {
            case VALIDATION -> "invalid_parameter";
            case BAD_REQUEST, UNSUPPORTED_MEDIA_TYPE -> "invalid_request";
            case UNAUTHENTICATED, INVALID_CREDENTIALS -> "unauthorized";
            case FORBIDDEN -> "insufficient_permissions";
            case NOT_FOUND -> "not_found";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case CONFLICT -> "already_exists";
            case PAYLOAD_TOO_LARGE -> "payload_too_large";
            case RATE_LIMITED -> "rate_limit_exceeded";
            case INTERNAL -> "server_error";
        };
    }

    private OmyPostErrors() {
    }
}
