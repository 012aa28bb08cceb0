package io.postyard.server.jpa;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.persistence.EntityManagerFactory;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.postyard.jdbc.JdbcConfiguration;
import io.postyard.jdbc.PostyardDatabase;

/** A new in-memory H2 database per test class, with James's JPA tables made by OpenJPA as the server makes them. */
class JamesJpaTestDatabase implements BeforeAllCallback, AfterAllCallback {
    private PostyardDatabase database;
    private EntityManagerFactory james;

    @Override
    public void beforeAll(ExtensionContext context) {
        database = new PostyardDatabase(new JdbcConfiguration(
            "jdbc:h2:mem:james-jpa-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE", Optional.empty(), Optional.empty(), 4),
            List.of());
        james = new JamesJpaEntityManagerModule().entityManagerFactory(database);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        james.close();
        database.close();
    }

    PostyardDatabase database() {
        return database;
    }

    EntityManagerFactory james() {
        return james;
    }
}
