package io.postyard.jdbc;

import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import io.postyard.core.event.EventId;
import io.postyard.core.event.EventQuery;
import io.postyard.core.event.EventStore;
import io.postyard.core.event.PostyardEvent;

/**
 * The event log: a row per event in {@code events}, a row per distinct tag of an event in {@code event_tags}, written
 * in one transaction. The primary key on the id makes a re-published event a refused insert, so it is stored once;
 * each listing the events API offers reads an index in the order of its cursor ({@link EventQuerySql}).
 */
public class JdbcEventStore implements EventStore {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("events");

    private final Jdbi jdbi;

    @Inject
    public JdbcEventStore(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcEventStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean append(PostyardEvent event) {
        return RowWrites.insertIfAbsent(jdbi, handle -> handle.useTransaction(transaction -> {
            EventRows.insert(transaction, event);
            insertTags(transaction, event);
        }));
    }

    @Override
    public Optional<PostyardEvent> get(EventId id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + EventRows.COLUMNS + " FROM events e WHERE e.id = :id")
            .bind("id", id.value())
            .map(EventRows.EVENT)
            .findOne());
    }

    @Override
    public List<PostyardEvent> query(EventQuery query) {
        EventQuerySql.Statement statement = EventQuerySql.of(query);
        return jdbi.withHandle(handle -> handle.createQuery(statement.sql())
            .bindMap(statement.bindings())
            .map(EventRows.EVENT)
            .list());
    }

    private static void insertTags(Handle handle, PostyardEvent event) {
        List<String> tags = event.tags().stream().distinct().toList();
        if (tags.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("INSERT INTO event_tags (event_id, tag, domain, occurred_at, event_type) "
            + "VALUES (:eventId, :tag, :domain, :occurredAt, :eventType)");
        tags.forEach(tag -> batch.bind("eventId", event.id().value())
            .bind("tag", tag)
            .bind("domain", event.domain().asString())
            .bind("occurredAt", event.timestamp().toEpochMilli())
            .bind("eventType", event.type().name())
            .add());
        batch.execute();
    }
}
