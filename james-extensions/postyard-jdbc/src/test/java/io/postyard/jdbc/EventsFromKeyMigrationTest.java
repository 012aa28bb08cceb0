package io.postyard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.james.core.Domain;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.postyard.core.event.EventQuery;
import io.postyard.core.event.PostyardEvent;

/** Events stored before the From address had its column are found by address once the database is migrated. */
class EventsFromKeyMigrationTest {
    private static final Instant T0 = Instant.parse("2026-05-10T12:00:00Z");

    private final PostyardDatabase database = new PostyardDatabase(new JdbcConfiguration(
        "jdbc:h2:mem:events-migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", Optional.empty(), Optional.empty(), 2), List.of());

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void eventsOfAnOlderSchemaAreFoundByTheirFromAddressAfterTheMigration() {
        Flyway.configure().dataSource(database.dataSource()).locations(JdbcEventStore.SCHEMA.location())
            .table("schema_" + JdbcEventStore.SCHEMA.component()).target("1").load().migrate();
        Jdbi jdbi = database.jdbi();
        // More than one batch of the backfill, and rows it leaves alone: no summary, a From without an address.
        IntStream.range(0, 2_345).forEach(i -> insertVersion1Row(jdbi, "e" + i, "Shop <Shop" + (i % 2) + "@Sender.test>"));
        insertVersion1Row(jdbi, "no-address", "undisclosed");
        jdbi.useHandle(handle -> handle.execute("INSERT INTO events (id, domain, occurred_at, event_type, account, tags, user_variables, details) "
            + "VALUES ('no-summary', 'd.test', ?, 'ACCEPTED', 'default', '[]', '{}', '{}')", T0.toEpochMilli()));

        JdbcMigrations.apply(database.dataSource(), List.of(JdbcEventStore.SCHEMA));

        List<PostyardEvent> found = new JdbcEventStore(jdbi).query(new EventQuery(Domain.of("d.test"), T0, T0.plusSeconds(1), Set.of(),
            Optional.empty(), Set.of(), Optional.of("shop1@sender.test"), Optional.empty(), Optional.empty(), Optional.empty(), true, 2_000));
        assertThat(found).hasSize(1_172).allSatisfy(event -> assertThat(event.message().orElseThrow().from()).contains("Shop <Shop1@Sender.test>"));
        int withoutKey = jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM events WHERE from_key IS NULL").mapTo(Integer.class).one());
        assertThat(withoutKey).isEqualTo(2);
    }

    private static void insertVersion1Row(Jdbi jdbi, String id, String from) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO events (id, domain, occurred_at, event_type, account, tags, user_variables, "
                + "summary_message_id, summary_from, summary_size, details) "
                + "VALUES (:id, 'd.test', :at, 'ACCEPTED', 'default', '[]', '{}', :messageId, :from, 10, '{}')")
            .bind("id", id).bind("at", T0.toEpochMilli()).bind("messageId", "<" + id + "@sender.test>").bind("from", from).execute());
    }
}
