package io.postyard.cassandra;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.suppression.SuppressionStore;
import io.postyard.core.suppression.SuppressionStoreContract;

class CassandraSuppressionStoreTest extends SuppressionStoreContract {
    @RegisterExtension
    static CassandraKeyspace cassandra = new CassandraKeyspace(CassandraSuppressionStore.SCHEMA);

    @Override
    protected SuppressionStore store() {
        return new CassandraSuppressionStore(cassandra.session());
    }
}
