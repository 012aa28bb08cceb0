package io.postyard.console;

import java.util.Map;

import io.postyard.http.ErrorRenderer;
import io.postyard.http.Json;

/** Errors under {@code /console} (its JSON, and what no page handles): {@code {"message"}}. */
final class ConsoleErrors {
    static final ErrorRenderer RENDERER = (error, requestId) -> Json.write(Map.of("message", error.message()));

    private ConsoleErrors() {
    }
}
