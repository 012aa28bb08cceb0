import java.net.InetSocketAddress;
import java.time.Duration;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;

/**
 * Drops the keyspaces whose names start with the given prefix on the local Cassandra: what a benchmark created. Schema
 * changes on a busy node take longer than the driver's default 2 s: a minute each is allowed.
 */
public class DropKeyspaces {
    public static void main(String[] args) {
        try (CqlSession session = CqlSession.builder().addContactPoint(new InetSocketAddress("127.0.0.1", 9042))
            .withLocalDatacenter("datacenter1")
            .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(60))
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(60))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(60))
                .build())
            .build()) {
            session.getMetadata().getKeyspaces().keySet().stream()
                .map(name -> name.asInternal())
                .filter(name -> name.startsWith(args[0]))
                .forEach(name -> session.execute("DROP KEYSPACE IF EXISTS " + name));
        }
    }
}
