package io.postyard.http;

/** The kinds of failure every provider has a code for; providers map them to their own vocabulary. */
public enum ErrorCode {
    BAD_REQUEST,
    VALIDATION,
    UNAUTHENTICATED,
    INVALID_CREDENTIALS,
    FORBIDDEN,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    CONFLICT,
    PAYLOAD_TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    RATE_LIMITED,
    INTERNAL
}
