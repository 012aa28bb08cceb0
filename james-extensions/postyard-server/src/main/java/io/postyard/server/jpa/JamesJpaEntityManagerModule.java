package io.postyard.server.jpa;

import java.util.HashMap;
import java.util.Map;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import io.postyard.jdbc.PostyardDatabase;

/**
 * James's JPA entities ({@code META-INF/persistence.xml}, unit {@code James}) on Postyard's connection pool, so
 * James's tables and Postyard's live in one database: one file to back up, one URL to point at PostgreSQL.
 */
public class JamesJpaEntityManagerModule extends AbstractModule {
    static final String PERSISTENCE_UNIT = "James";

    /** OpenJPA's H2 dialect predates H2 2, which no longer compares a boolean column with the integer it binds. */
    private static final String H2_DIALECT = "h2(BooleanRepresentation=BOOLEAN)";

    @Provides
    @Singleton
    EntityManagerFactory entityManagerFactory(PostyardDatabase database) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("openjpa.ConnectionFactory", database.dataSource());
        if (database.isH2()) {
            properties.put("openjpa.jdbc.DBDictionary", H2_DIALECT);
        }
        EntityManagerFactory james = Persistence.createEntityManagerFactory(PERSISTENCE_UNIT, properties);
        // OpenJPA makes the tables when the first entity manager opens; some of its columns are then widened.
        james.createEntityManager().close();
        JamesColumnWidths.apply(database);
        return james;
    }
}
