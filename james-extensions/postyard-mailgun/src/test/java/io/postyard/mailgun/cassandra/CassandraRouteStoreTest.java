package io.postyard.mailgun.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.cassandra.CassandraKeyspace;
import io.postyard.mailgun.route.RouteStore;
import io.postyard.mailgun.route.RouteStoreContract;

class CassandraRouteStoreTest extends RouteStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraRouteStore.SCHEMA);

    private final RouteStore store = new CassandraRouteStore(cassandra.session());

    @Override
    protected RouteStore store() {
        return store;
    }
}
