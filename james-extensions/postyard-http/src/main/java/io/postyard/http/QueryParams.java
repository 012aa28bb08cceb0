package io.postyard.http;

import java.util.Map;
import java.util.Optional;

import com.google.common.collect.ImmutableListMultimap;

import spark.Request;

/**
 * Typed query parameters; a value of the wrong type is a 400, never a 500. They are parsed from the raw query
 * string because the servlet parameter API would also consume a form body.
 */
public final class QueryParams {
    public static ImmutableListMultimap<String, String> all(Request request) {
        return Optional.ofNullable(request.raw().getQueryString())
            .map(UrlEncodedForm::parse)
            .orElse(ImmutableListMultimap.of());
    }

    public static Optional<String> string(Request request, String name) {
        return all(request).get(name).stream()
            .filter(value -> !value.isBlank())
            .findFirst();
    }

    public static int integer(Request request, String name, int defaultValue, int min, int max) {
        return string(request, name)
            .map(value -> parse(name, value, min, max))
            .orElse(defaultValue);
    }

    private static int parse(String name, String value, int min, int max) {
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.validation("Parameter '" + name + "' must be an integer", Map.of("field", name));
        }
        if (parsed < min || parsed > max) {
            throw ApiException.validation("Parameter '" + name + "' must be between " + min + " and " + max,
                Map.of("field", name));
        }
        return parsed;
    }

    private QueryParams() {
    }
}
