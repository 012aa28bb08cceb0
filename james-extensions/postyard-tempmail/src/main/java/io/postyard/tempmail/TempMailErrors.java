package io.postyard.tempmail;

import java.util.LinkedHashMap;
import java.util.Map;

import io.postyard.http.ErrorCode;
import io.postyard.http.ErrorRenderer;
import io.postyard.http.Json;

/**
 * Temp Mail's error body: {@code {"error":{"type","code","detail"},"meta":{"request_id"}}}; {@code request_error} for
 * what the client can fix, {@code api_error} for the server's own failures.
 */
final class TempMailErrors {
    static final ErrorRenderer RENDERER = (error, requestId) -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", error.code() == ErrorCode.INTERNAL ? "api_error" : "request_error");
        body.put("code", code(error.code()));
        body.put("detail", error.message());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("error", body);
        document.put("meta", Map.of("request_id", requestId));
        return Json.write(document);
    };

    static String code(ErrorCode code) {
        return switch (code) {
            case VALIDATION, BAD_REQUEST, UNSUPPORTED_MEDIA_TYPE, CONFLICT -> "validation_error";
            case UNAUTHENTICATED -> "api_key_empty";
            case INVALID_CREDENTIALS -> "api_key_invalid";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not_found";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case PAYLOAD_TOO_LARGE -> "payload_too_large";
            case RATE_LIMITED -> "rate_limited";
            case INTERNAL -> "internal_error";
        };
    }

    private TempMailErrors() {
    }
}
