package io.postyard.cassandra;

import java.net.InetSocketAddress;
import java.util.ArrayList;
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
    private static final List<String> DROPPED_AT_EXIT = new ArrayList<>();
    private static CqlSession shared;
    private static String sharedName;
    private static boolean sharedUsed;

    private final List<SchemaMigration> schema;

    public CassandraKeyspace(SchemaMigration... schema) {
        this.schema = List.of(schema);
    }

    public CqlSession session() {
        return shared;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        SchemaMigrations.apply(use(), schema);
    }

    /**
     * A keyspace in which no table exists yet, for the test of the whole schema: the shared one while no test class
     * has used it (that test runs first, and the tables it makes then serve every later class), else one of its own.
     */
    static synchronized String unusedKeyspace() {
        if (!sharedUsed) {
            use();
            return sharedName;
        }
        String keyspace = newName();
        DROPPED_AT_EXIT.add(keyspace);
        return keyspace;
    }

    static String contactPoint() {
        return System.getenv().getOrDefault("POSTYARD_TEST_CASSANDRA", "127.0.0.1:9042");
    }

    private static synchronized CqlSession use() {
        sharedUsed = true;
        if (shared == null) {
            sharedName = newName();
            DROPPED_AT_EXIT.add(sharedName);
            shared = CassandraSessions.open(new CassandraConfiguration(List.of(node()), "datacenter1", sharedName, 1,
                Optional.empty(), Optional.empty()));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                DROPPED_AT_EXIT.forEach(keyspace -> shared.execute("DROP KEYSPACE IF EXISTS " + keyspace));
                shared.close();
            }));
        }
        return shared;
    }

    private static String newName() {
        return "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    }

    private static InetSocketAddress node() {
        String configured = contactPoint();
        int colon = configured.lastIndexOf(':');
        return new InetSocketAddress(configured.substring(0, colon), Integer.parseInt(configured.substring(colon + 1)));
    }
}
