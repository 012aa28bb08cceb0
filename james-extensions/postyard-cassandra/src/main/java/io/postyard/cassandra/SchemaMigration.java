package io.postyard.cassandra;

import java.util.List;
import java.util.Objects;

/**
 * One step of one component's schema. Steps run in version order, once each; their statements are idempotent
 * ({@code IF NOT EXISTS}), so two nodes starting together, or a step interrupted half-way, do no harm when run again.
 */
public record SchemaMigration(String component, int version, List<String> statements) {
    public SchemaMigration {
        Objects.requireNonNull(component);
        if (version < 1) {
            throw new IllegalArgumentException("Versions start at 1");
        }
        statements = List.copyOf(statements);
    }
}
