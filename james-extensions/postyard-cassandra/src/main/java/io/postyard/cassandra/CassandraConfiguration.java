package io.postyard.cassandra;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;

/**
 * Where Postyard's keyspace lives. No contact points means the local single node the launcher starts on
 * 127.0.0.1:9042; the keyspace is created with {@code SimpleStrategy} and the configured replication factor.
 */
public record CassandraConfiguration(List<InetSocketAddress> contactPoints, String datacenter, String keyspace, int replicationFactor,
                                     Optional<String> username, Optional<String> password) {
    public static final InetSocketAddress LOCAL_NODE = new InetSocketAddress("127.0.0.1", 9042);

    public CassandraConfiguration {
        contactPoints = List.copyOf(contactPoints);
        Objects.requireNonNull(datacenter);
        if (!keyspace.matches("[a-z][a-z0-9_]{0,47}")) {
            throw new IllegalArgumentException("A keyspace name is lower-case letters, digits and _, starting with a letter: " + keyspace);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("The replication factor must be 1 or more");
        }
    }

    public static CassandraConfiguration from(PostyardSettings settings) {
        List<InetSocketAddress> contactPoints = settings.list(Setting.CASSANDRA_CONTACT_POINTS).stream()
            .map(CassandraConfiguration::address)
            .toList();
        return new CassandraConfiguration(contactPoints.isEmpty() ? List.of(LOCAL_NODE) : contactPoints,
            settings.get(Setting.CASSANDRA_DATACENTER), settings.get(Setting.CASSANDRA_KEYSPACE),
            settings.getInt(Setting.CASSANDRA_REPLICATION_FACTOR),
            settings.optional(Setting.CASSANDRA_USERNAME).filter(value -> !value.isEmpty()),
            settings.optional(Setting.CASSANDRA_PASSWORD).filter(value -> !value.isEmpty()));
    }

    public CassandraConfiguration withKeyspace(String otherKeyspace) {
        return new CassandraConfiguration(contactPoints, datacenter, otherKeyspace, replicationFactor, username, password);
    }

    private static InetSocketAddress address(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon < 0) {
            return new InetSocketAddress(hostAndPort, 9042);
        }
        return new InetSocketAddress(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
    }
}
