package io.postyard.http;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.apache.james.core.healthcheck.HealthCheck;
import org.apache.james.core.healthcheck.Result;

import com.fasterxml.jackson.annotation.JsonInclude;

import reactor.core.publisher.Flux;

/** The state of every James health check, served unauthenticated on {@code /healthz}. */
final class HealthReport {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Check(String component, String status, String cause) {
    }

    record Body(String status, List<Check> checks) {
    }

    static Body run(Set<HealthCheck> healthChecks) {
        List<Result> results = Flux.fromIterable(healthChecks)
            .flatMap(HealthCheck::check)
            .collectList()
            .block(TIMEOUT);
        List<Check> checks = results.stream()
            .map(result -> new Check(result.getComponentName().getName(), result.getStatus().getValue(),
                result.getCause().orElse(null)))
            .sorted((a, b) -> a.component().compareTo(b.component()))
            .toList();
        boolean healthy = results.stream().noneMatch(Result::isUnHealthy);
        return new Body(healthy ? "healthy" : "unhealthy", checks);
    }

    private HealthReport() {
    }
}
