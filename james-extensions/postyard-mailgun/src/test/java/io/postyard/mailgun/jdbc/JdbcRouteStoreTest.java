package io.postyard.mailgun.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.jdbc.JdbcDatabase;
import io.postyard.mailgun.route.RouteStore;
import io.postyard.mailgun.route.RouteStoreContract;

class JdbcRouteStoreTest extends RouteStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcRouteStore.SCHEMA);

    private final RouteStore store = new JdbcRouteStore(database.jdbi());

    @Override
    protected RouteStore store() {
        return store;
    }
}
