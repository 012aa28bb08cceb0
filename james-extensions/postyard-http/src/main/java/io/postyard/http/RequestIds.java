package io.postyard.http;

import java.util.UUID;
import java.util.regex.Pattern;

import spark.Request;

/** Every request carries an id, echoed in {@value #HEADER} and written to the access log. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    static final String ATTRIBUTE = "postyard.requestId";
    private static final Pattern ACCEPTABLE_CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    /** A client-chosen id is kept when it is harmless to echo and log, so traces can be followed end to end. */
    static String choose(String clientId) {
        if (clientId != null && ACCEPTABLE_CLIENT_ID.matcher(clientId).matches()) {
            return clientId;
        }
        return UUID.randomUUID().toString();
    }

    public static String of(Request request) {
        Object id = request.attribute(ATTRIBUTE);
        return id == null ? "" : id.toString();
    }

    private RequestIds() {
    }
}
