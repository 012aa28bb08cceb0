package io.postyard.opensrs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ends a call with {@code success: false}, its {@code error_number} and {@code error}, plus whatever else the real
 * service adds to such an answer (the settable attributes of a user that does not exist yet, say).
 */
public class OmaException extends RuntimeException {
    private final OmaError error;
    private final Map<String, Object> extra;

    public OmaException(OmaError error, String message) {
        this(error, message, Map.of());
    }

    public OmaException(OmaError error, String message, Map<String, Object> extra) {
        super(message, null, false, false);
        this.error = error;
        this.extra = new LinkedHashMap<>(extra);
    }

    public static OmaException notFound(String message) {
        return new OmaException(OmaError.NOT_FOUND, message);
    }

    public static OmaException malformed(String message) {
        return new OmaException(OmaError.MALFORMED_REQUEST, message);
    }

    public static OmaException badAttribute(String message) {
        return new OmaException(OmaError.MALFORMED_ATTRIBUTE, message);
    }

    public static OmaException exists(String message) {
        return new OmaException(OmaError.EXISTS, message);
    }

    public static OmaException noPermission() {
        return new OmaException(OmaError.NO_PERMISSION, "Permission denied");
    }

    public OmaError error() {
        return error;
    }

    /** The answer's body: {@code success}, {@code error_number}, {@code error}, then the extra fields. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error_number", error.number());
        body.put("error", getMessage());
        body.putAll(extra);
        return body;
    }
}
