package io.postyard.it;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;

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
    private static final Duration DROP_TIMEOUT = Duration.ofMinutes(2);
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

    /**
     * Drops Postyard's and James's keyspaces and deletes the event indices. A schema change waits for every table's
     * files to go, which on a busy machine takes longer than a query's usual timeout; this is clean-up, so a drop that
     * is still running when its client gives up is left to finish.
     */
    void drop() {
        PostyardSettings settings = PostyardSettings.defaults().with(Setting.CASSANDRA_KEYSPACE, keyspace);
        try (CqlSession session = CassandraSessions.open(CassandraConfiguration.from(settings))) {
            for (String name : List.of(keyspace, keyspace + "_james")) {
                try {
                    session.execute(SimpleStatement.newInstance("DROP KEYSPACE IF EXISTS " + name).setTimeout(DROP_TIMEOUT));
                } catch (DriverTimeoutException e) {
                    System.err.println("Keyspace " + name + " still being dropped after " + DROP_TIMEOUT + "; left to finish");
                }
            }
        }
        OpenSearchIndices.delete(indexPrefix);
    }
}
