package io.postyard.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import spark.Request;
import spark.Response;

/**
 * One line per request: method, path, status, time, request id and key id. Query strings, headers and bodies are
 * never written, since they may carry keys or passwords.
 */
final class AccessLog {
    private static final Logger LOGGER = LoggerFactory.getLogger("postyard.access");
    static final String START_ATTRIBUTE = "postyard.startNanos";

    static void start(Request request) {
        request.attribute(START_ATTRIBUTE, System.nanoTime());
    }

    static void log(Request request, Response response) {
        Long start = request.attribute(START_ATTRIBUTE);
        long millis = start == null ? -1 : (System.nanoTime() - start) / 1_000_000;
        String keyId = Authenticated.of(request).map(key -> key.id().value()).orElse("-");
        LOGGER.info("{} {} {} {}ms request={} key={}", request.requestMethod(), sanitize(request.pathInfo()),
            response.raw().getStatus(), millis, RequestIds.of(request), keyId);
    }

    /** Control characters would let a client forge log lines. */
    static String sanitize(String path) {
        if (path == null) {
            return "-";
        }
        StringBuilder clean = new StringBuilder(Math.min(path.length(), 512));
        for (int i = 0; i < path.length() && i < 512; i++) {
            char c = path.charAt(i);
            clean.append(Character.isISOControl(c) ? '?' : c);
        }
        return clean.toString();
    }

    private AccessLog() {
    }
}
