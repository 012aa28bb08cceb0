package io.postyard.cassandra;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;
import javax.inject.Named;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import io.postyard.core.key.ApiKeyId;
import io.postyard.core.key.KeyUseStore;

/**
 * A row per key, its last use written with the use's time as the write timestamp: Cassandra keeps the latest write,
 * so an older use arriving late never replaces a newer one, without a read.
 */
public class CassandraKeyUseStore implements KeyUseStore {
    public static final SchemaMigration SCHEMA = new SchemaMigration("api_key_uses", 1, List.of(
        "CREATE TABLE IF NOT EXISTS api_key_uses (id text PRIMARY KEY, last_used_at timestamp)"));

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement select;

    @Inject
    public CassandraKeyUseStore(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
        this.insert = session.prepare("INSERT INTO api_key_uses (id, last_used_at) VALUES (?, ?) USING TIMESTAMP ?");
        this.select = session.prepare("SELECT id, last_used_at FROM api_key_uses WHERE id IN ?");
    }

    @Override
    public void record(ApiKeyId key, Instant at) {
        long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        session.execute(insert.bind(key.value(), at, micros));
    }

    @Override
    public Map<ApiKeyId, Instant> lastUses(Collection<ApiKeyId> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<ApiKeyId, Instant> found = new HashMap<>();
        for (Row row : session.execute(select.bind(keys.stream().map(ApiKeyId::value).distinct().toList()))) {
            found.put(new ApiKeyId(row.getString("id")), row.getInstant("last_used_at"));
        }
        return found;
    }
}
