package io.postyard.http;

import java.util.Collection;
import java.util.Map;

/** Ends a request with an {@link ApiError}, rendered in the format of the provider that owns the path. */
public class ApiException extends RuntimeException {
    public static ApiException badRequest(String message) {
        return new ApiException(new ApiError(400, ErrorCode.BAD_REQUEST, message));
    }

    public static ApiException validation(String message, Map<String, Object> details) {
        return new ApiException(new ApiError(400, ErrorCode.VALIDATION, message, details));
    }

    public static ApiException unauthenticated(String message) {
        return new ApiException(new ApiError(401, ErrorCode.UNAUTHENTICATED, message));
    }

    public static ApiException invalidCredentials(String message) {
        return new ApiException(new ApiError(401, ErrorCode.INVALID_CREDENTIALS, message));
    }

    public static ApiException forbidden(String message) {
        return new ApiException(new ApiError(403, ErrorCode.FORBIDDEN, message));
    }

    public static ApiException notFound(String message) {
        return new ApiException(new ApiError(404, ErrorCode.NOT_FOUND, message));
    }

    public static ApiException methodNotAllowed(String method, Collection<String> allowed) {
        return new ApiException(new ApiError(405, ErrorCode.METHOD_NOT_ALLOWED, "Method " + method + " is not allowed here"),
            allowed.isEmpty() ? Map.of() : Map.of("Allow", String.join(", ", allowed)));
    }

    public static ApiException conflict(String message) {
        return new ApiException(new ApiError(409, ErrorCode.CONFLICT, message));
    }

    public static ApiException payloadTooLarge(long maxBytes) {
        return new ApiException(new ApiError(413, ErrorCode.PAYLOAD_TOO_LARGE,
            "Request body is larger than the limit of " + maxBytes + " bytes"));
    }

    public static ApiException unsupportedMediaType(String contentType) {
        return new ApiException(new ApiError(400, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
            "Unsupported Content-Type: " + contentType));
    }

    private final ApiError error;
    private final Map<String, String> headers;

    public ApiException(ApiError error) {
        this(error, Map.of());
    }

    public ApiException(ApiError error, Map<String, String> headers) {
        super(error.message(), null, false, false);
        this.error = error;
        this.headers = Map.copyOf(headers);
    }

    public ApiError error() {
        return error;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
