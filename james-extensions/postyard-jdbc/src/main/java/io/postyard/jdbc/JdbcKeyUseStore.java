package io.postyard.jdbc;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.jdbi.v3.core.Jdbi;

import io.postyard.core.key.ApiKeyId;
import io.postyard.core.key.KeyUseStore;

/** A row per key that was ever used; a write only moves {@code last_used_at} forward. */
public class JdbcKeyUseStore implements KeyUseStore {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("api_key_uses");

    private final Jdbi jdbi;

    @Inject
    public JdbcKeyUseStore(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcKeyUseStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void record(ApiKeyId key, Instant at) {
        RowWrites.upsert(jdbi,
            handle -> handle.createUpdate("UPDATE api_key_uses SET last_used_at = GREATEST(last_used_at, :at) WHERE id = :id")
                .bind("id", key.value()).bind("at", at.toEpochMilli()).execute(),
            handle -> handle.createUpdate("INSERT INTO api_key_uses (id, last_used_at) VALUES (:id, :at)")
                .bind("id", key.value()).bind("at", at.toEpochMilli()).execute());
    }

    @Override
    public Map<ApiKeyId, Instant> lastUses(Collection<ApiKeyId> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<String> ids = keys.stream().map(ApiKeyId::value).toList();
        Map<ApiKeyId, Instant> found = new HashMap<>();
        jdbi.useHandle(handle -> handle.createQuery("SELECT id, last_used_at FROM api_key_uses WHERE id IN (<ids>)")
            .bindList("ids", ids)
            .map((row, context) -> Map.entry(new ApiKeyId(row.getString("id")), Instant.ofEpochMilli(row.getLong("last_used_at"))))
            .forEach(entry -> found.put(entry.getKey(), entry.getValue())));
        return found;
    }
}
