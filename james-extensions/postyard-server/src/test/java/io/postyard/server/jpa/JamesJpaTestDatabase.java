package io.postyard.server.jpa;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.persistence.EntityManagerFactory;

import io.postyard.jdbc.JdbcConfiguration;
import io.postyard.jdbc.PostyardDatabase;

/** A new in-memory H2 database with James's JPA tables, made by OpenJPA as the server makes them. */
record JamesJpaTestDatabase(PostyardDatabase database, EntityManagerFactory james) implements AutoCloseable {
    static JamesJpaTestDatabase create() {
        PostyardDatabase database = new PostyardDatabase(new JdbcConfiguration(
            "jdbc:h2:mem:james-jpa-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE",
            Optional.empty(), Optional.empty(), 4), List.of());
        EntityManagerFactory james = new JamesJpaEntityManagerModule().entityManagerFactory(database);
        james.createEntityManager().close();
        return new JamesJpaTestDatabase(database, james);
    }

    @Override
    public void close() {
        james.close();
        database.close();
    }
}
