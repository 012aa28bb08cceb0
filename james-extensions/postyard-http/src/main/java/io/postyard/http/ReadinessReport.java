package io.postyard.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.apache.james.core.healthcheck.HealthCheck;

import io.postyard.core.health.ReadinessCheck;
import io.postyard.core.storage.StorageAvailability;

/**
 * {@code /readyz}: whether this node should take traffic now. The storage answers, every module's readiness check
 * holds (start-up over, the queue consumers running) and James's health checks are healthy.
 */
final class ReadinessReport {
    record Body(String status, List<HealthReport.Check> checks) {
    }

    static Body run(StorageAvailability storage, Set<ReadinessCheck> readiness, Set<HealthCheck> healthChecks) {
        List<HealthReport.Check> checks = new ArrayList<>();
        checks.add(check("storage", storage.isReachable()));
        readiness.forEach(check -> checks.add(check(check.component(), check.isReady())));
        HealthReport.Body health = HealthReport.run(healthChecks);
        checks.addAll(health.checks());
        checks.sort(Comparator.comparing(HealthReport.Check::component));
        boolean ready = checks.stream().allMatch(check -> check.status().equals("healthy"));
        return new Body(ready ? "ready" : "unready", checks);
    }

    private static HealthReport.Check check(String component, boolean ready) {
        return new HealthReport.Check(component, ready ? "healthy" : "unhealthy", ready ? null : "not ready");
    }

    private ReadinessReport() {
    }
}
