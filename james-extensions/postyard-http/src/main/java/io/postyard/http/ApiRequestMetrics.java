package io.postyard.http;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import spark.Request;
import spark.Response;

/**
 * {@code postyard_api_requests_seconds}: every answer of the public port by provider (its path prefix, or
 * {@code public} for the unauthenticated pages), method and status, as a latency histogram. Paths are not a label:
 * they carry domains, ids and addresses without bound.
 */
final class ApiRequestMetrics {
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final MeterRegistry registry;
    private final List<String> prefixes;

    ApiRequestMetrics(MeterRegistry registry, List<String> prefixes) {
        this.registry = registry;
        this.prefixes = List.copyOf(prefixes);
    }

    void record(Request request, Response response) {
        Long start = request.attribute(AccessLog.START_ATTRIBUTE);
        if (start == null) {
            return;
        }
        Timer.builder("postyard.api.requests")
            .description("Answers of the public API port, by provider, method and status")
            .tag("provider", provider(request.pathInfo()))
            .tag("method", METHODS.contains(request.requestMethod()) ? request.requestMethod() : "OTHER")
            .tag("status", String.valueOf(response.status()))
            .publishPercentileHistogram()
            .register(registry)
            .record(Duration.ofNanos(System.nanoTime() - start));
    }

    private String provider(String path) {
        if (path == null) {
            return "public";
        }
        return prefixes.stream().filter(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"))
            .findFirst().map(prefix -> prefix.substring(1)).orElse("public");
    }
}
