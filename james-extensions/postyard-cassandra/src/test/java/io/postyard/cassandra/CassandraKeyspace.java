package io.postyard.cassandra;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.datastax.oss.driver.api.core.CqlSession;

/**
 * A keyspace for the tests of this JVM, on the real Cassandra that {@code ./postyard test} starts (or the one named by
 * {@code POSTYARD_TEST_CASSANDRA}, host:port). Made once (schema changes cost seconds each on a small machine) and
 * dropped when the JVM ends; each test class applies its stores' schema. Tables are never emptied between tests:
 * the store contracts keep each test's data apart instead.
 */
public class CassandraKeyspace implements BeforeAllCallback {
    private static CqlSession shared;

    private final List<SchemaMigration> schema;

    public CassandraKeyspace(SchemaMigration... schema) {
        this.schema = List.of(schema);
    }

    public CqlSession session() {
        return shared;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        SchemaMigrations.apply(sharedSession(), schema);
    }

    private static synchronized CqlSession sharedSession() {
        if (shared == null) {
            String keyspace = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
            shared = CassandraSessions.open(new CassandraConfiguration(List.of(node()), "datacenter1", keyspace, 1,
                Optional.empty(), Optional.empty()));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                shared.execute("DROP KEYSPACE IF EXISTS " + keyspace);
                shared.close();
            }));
        }
        return shared;
    }

    private static InetSocketAddress node() {
        String configured = System.getenv().getOrDefault("POSTYARD_TEST_CASSANDRA", "127.0.0.1:9042");
        int colon = configured.lastIndexOf(':');
        return new InetSocketAddress(configured.substring(0, colon), Integer.parseInt(configured.substring(colon + 1)));
    }
}
