package io.postyard.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.domain.DomainStore;
import io.postyard.core.domain.DomainStoreContract;

class JdbcDomainStoreTest extends DomainStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcDomainStore.SCHEMA);

    private final DomainStore store = new JdbcDomainStore(database.jdbi());

    @Override
    protected DomainStore store() {
        return store;
    }
}
