package io.postyard.it;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.datastax.oss.driver.api.core.CqlSession;

import io.postyard.cassandra.CassandraConfiguration;
import io.postyard.cassandra.CassandraSessions;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;
import io.postyard.opensearch.OpenSearchIndices;

/**
 * A keyspace and an event index prefix of one test class's own, for servers on the cassandra profile, on the real
 * Cassandra and OpenSearch the test command starts; {@link #drop()} removes both after the class.
 */
final class CassandraProfileStorage {
    private final String keyspace;
    private final String indexPrefix = OpenSearchIndices.randomPrefix();

    /** The keyspace is named after the test ({@code name_<random>}). */
    CassandraProfileStorage(String name) {
        this.keyspace = name + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    Map<Setting, String> settings() {
        return Map.of(Setting.STORAGE_PROFILE, "cassandra",
            Setting.CASSANDRA_KEYSPACE, keyspace,
            Setting.OPENSEARCH_URLS, OpenSearchIndices.url().toString(),
            Setting.OPENSEARCH_INDEX_PREFIX, indexPrefix);
    }

    String indexPrefix() {
        return indexPrefix;
    }

    /** Drops Postyard's and James's keyspaces and deletes the event indices. */
    void drop() {
        PostyardSettings settings = PostyardSettings.defaults().with(Setting.CASSANDRA_KEYSPACE, keyspace);
        try (CqlSession session = CassandraSessions.open(CassandraConfiguration.from(settings))) {
            session.execute("DROP KEYSPACE IF EXISTS " + keyspace);
            session.execute("DROP KEYSPACE IF EXISTS " + keyspace + "_james");
        }
        OpenSearchIndices.delete(indexPrefix);
    }
}
