package io.postyard.openmail;

import java.util.LinkedHashMap;
import java.util.Map;

import io.postyard.http.ApiError;
import io.postyard.http.ApiException;
import io.postyard.http.ErrorCode;
import io.postyard.http.ErrorRenderer;
import io.postyard.http.Json;

/**
 * openmail's error body, {@code {"error": code, "message": text}}. The reference's own codes ({@code address_taken},
 * {@code missing_idempotency_key}, ...) ride in the error's details; other errors get the code of their kind.
 */
final class OpenmailErrors {
    private static final String CODE = "openmail.code";

    static final ErrorRenderer RENDERER = (error, requestId) -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.details().getOrDefault(CODE, code(error.code())));
        body.put("message", error.message());
        return Json.write(body);
    };

    static String code(ErrorCode code) {
        return switch (code) {
            case BAD_REQUEST -> "invalid_request";
            case VALIDATION -> "validation_error";
            case UNAUTHENTICATED, INVALID_CREDENTIALS -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not_found";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case CONFLICT -> "conflict";
            case PAYLOAD_TOO_LARGE -> "payload_too_large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported_media_type";
            case RATE_LIMITED -> "rate_limit_exceeded";
            case INTERNAL -> "internal_error";
        };
    }

    static ApiException of(int status, ErrorCode kind, String code, String message) {
        return of(status, kind, code, message, Map.of());
    }

    static ApiException of(int status, ErrorCode kind, String code, String message, Map<String, String> headers) {
        return new ApiException(new ApiError(status, kind, message, Map.of(CODE, code)), headers);
    }

    static ApiException addressTaken(String address) {
        return of(409, ErrorCode.CONFLICT, "address_taken", "The address " + address + " is already taken");
    }

    static ApiException missingIdempotencyKey() {
        return of(400, ErrorCode.BAD_REQUEST, "missing_idempotency_key", "The Idempotency-Key header is required");
    }

    static ApiException recipientSuppressed(String address) {
        return of(422, ErrorCode.VALIDATION, "recipient_suppressed",
            "The recipient " + address + " is suppressed (an earlier bounce, complaint or unsubscribe)");
    }

    static ApiException rateLimitExceeded(String message, long retryAfterSeconds) {
        return of(429, ErrorCode.RATE_LIMITED, "rate_limit_exceeded", message, Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
    }

    static ApiException notFound(String what) {
        return ApiException.notFound(what + " not found");
    }

    private OpenmailErrors() {
    }
}
