import java.net.InetSocketAddress;

import com.datastax.oss.driver.api.core.CqlSession;

/** Drops the keyspaces whose names start with the given prefix on the local Cassandra: what a benchmark created. */
public class DropKeyspaces {
    public static void main(String[] args) {
        try (CqlSession session = CqlSession.builder().addContactPoint(new InetSocketAddress("127.0.0.1", 9042))
            .withLocalDatacenter("datacenter1").build()) {
            session.getMetadata().getKeyspaces().keySet().stream()
                .map(name -> name.asInternal())
                .filter(name -> name.startsWith(args[0]))
                .forEach(name -> session.execute("DROP KEYSPACE IF EXISTS " + name));
        }
    }
}
