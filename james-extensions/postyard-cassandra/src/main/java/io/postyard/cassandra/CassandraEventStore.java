package io.postyard.cassandra;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Domain;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;

import io.postyard.core.account.AccountId;
import io.postyard.core.event.DeliveryStatus;
import io.postyard.core.event.EventCursor;
import io.postyard.core.event.EventId;
import io.postyard.core.event.EventQuery;
import io.postyard.core.event.EventStore;
import io.postyard.core.event.EventType;
import io.postyard.core.event.MessageSummary;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.event.Severity;

/**
 * The event log, shaped by the events API's queries: each domain's events in hourly partitions clustered newest first
 * by (timestamp, id), which is the API's cursor, so a page is a slice read from the cursor through the hours that hold
 * events ({@link TimeBuckets}), newest or oldest first, with the other filters applied to the slice. An hour of a
 * busy domain stays a bounded partition. A message's events are also kept together per domain and Message-ID, since
 * every open, click and asynchronous bounce looks up its message's {@code accepted} event.
 * <p>
 * Events by id are written with a lightweight transaction: of two nodes appending one event (a publisher's retry),
 * one stores it and the other learns it was there. The copies are written after, from what was stored, also when the
 * event was there already, so a retry completes an append that was cut short.
 */
public class CassandraEventStore implements EventStore {
    private static final String COLUMNS = "id, type, at, account, domain, message_id, recipient, severity, reason, tags, user_variables, "
        + "summary_message_id, summary_from, summary_to, summary_subject, summary_size, delivery_code, delivery_enhanced_code, "
        + "delivery_message, delivery_mx_host, delivery_attempt, details";
    private static final String MARKERS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
    private static final String EVENT_TYPES = "type text, account text, recipient text, severity text, reason text, tags list<text>, "
        + "user_variables map<text, text>, summary_message_id text, summary_from text, summary_to text, summary_subject text, "
        + "summary_size bigint, delivery_code int, delivery_enhanced_code text, delivery_message text, delivery_mx_host text, "
        + "delivery_attempt int, details map<text, text>";
    public static final SchemaMigration SCHEMA = new SchemaMigration("events", 1, List.of(
        "CREATE TABLE IF NOT EXISTS events (id text PRIMARY KEY, at timestamp, domain text, message_id text, " + EVENT_TYPES + ")",
        "CREATE TABLE IF NOT EXISTS events_by_domain (domain text, hour timestamp, at timestamp, id text, message_id text, " + EVENT_TYPES
            + ", PRIMARY KEY ((domain, hour), at, id)) WITH CLUSTERING ORDER BY (at DESC, id DESC)",
        "CREATE TABLE IF NOT EXISTS events_by_message (domain text, bare_message_id text, at timestamp, id text, message_id text, "
            + EVENT_TYPES + ", PRIMARY KEY ((domain, bare_message_id), at, id)) WITH CLUSTERING ORDER BY (at DESC, id DESC)"));
    // Rows read per round trip while filtering: a page of the API is at most 300 events.
    private static final int PAGE_SIZE = 500;

    private final CqlSession session;
    private final TimeBuckets hours;
    private final PreparedStatement insertIfAbsent;
    private final PreparedStatement insertByDomain;
    private final PreparedStatement insertByMessage;
    private final PreparedStatement select;
    private final PreparedStatement newestInHour;
    private final PreparedStatement oldestInHour;
    private final PreparedStatement newestOfMessage;
    private final PreparedStatement oldestOfMessage;

    @Inject
    public CassandraEventStore(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
        this.hours = new TimeBuckets(session);
        this.insertIfAbsent = session.prepare("INSERT INTO events (" + COLUMNS + ") VALUES (" + MARKERS + ") IF NOT EXISTS");
        this.insertByDomain = session.prepare("INSERT INTO events_by_domain (hour, " + COLUMNS + ") VALUES (?, " + MARKERS + ")");
        this.insertByMessage = session.prepare("INSERT INTO events_by_message (bare_message_id, " + COLUMNS + ") VALUES (?, " + MARKERS + ")");
        this.select = session.prepare("SELECT " + COLUMNS + " FROM events WHERE id = ?");
        String inHour = "SELECT " + COLUMNS + " FROM events_by_domain WHERE domain = ? AND hour = ? AND at >= ? AND at <= ?";
        this.newestInHour = session.prepare(inHour);
        this.oldestInHour = session.prepare(inHour + " ORDER BY at ASC, id ASC");
        String ofMessage = "SELECT " + COLUMNS + " FROM events_by_message WHERE domain = ? AND bare_message_id = ?";
        this.newestOfMessage = session.prepare(ofMessage);
        this.oldestOfMessage = session.prepare(ofMessage + " ORDER BY at ASC, id ASC");
    }

    @Override
    public boolean append(PostyardEvent event) {
        ResultSet inserted = session.execute(insertIfAbsent.bind(values(event)));
        boolean isNew = inserted.wasApplied();
        PostyardEvent stored = isNew ? event : event(inserted.one());
        Instant hour = TimeBucket.HOUR.of(stored.timestamp());
        hours.add(scope(stored.domain()), hour);
        BatchStatementBuilder copies = BatchStatement.builder(DefaultBatchType.LOGGED).addStatement(insertByDomain.bind(withFirst(hour, stored)));
        stored.messageId().ifPresent(messageId -> copies.addStatement(insertByMessage.bind(withFirst(EventQuery.bareMessageId(messageId), stored))));
        session.execute(copies.build());
        return isNew;
    }

    @Override
    public Optional<PostyardEvent> get(EventId id) {
        return CqlRows.one(session.execute(select.bind(id.value())), CassandraEventStore::event);
    }

    @Override
    public List<PostyardEvent> query(EventQuery query) {
        Stream<PostyardEvent> candidates = query.messageId().isPresent() ? ofMessage(query) : inRange(query);
        return candidates.filter(query::matches).limit(query.limit()).toList();
    }

    private Stream<PostyardEvent> ofMessage(EventQuery query) {
        PreparedStatement statement = query.ascending() ? oldestOfMessage : newestOfMessage;
        return rows(statement.bind(query.domain().asString(), EventQuery.bareMessageId(query.messageId().orElseThrow())));
    }

    /** The range narrowed by the cursor, read hour by hour; the query itself drops what lies outside it to the nanosecond. */
    private Stream<PostyardEvent> inRange(EventQuery query) {
        Instant from = query.begin();
        Instant to = query.end();
        Optional<Instant> cursor = query.after().map(EventCursor::timestamp);
        if (cursor.isPresent() && query.ascending() && cursor.get().isAfter(from)) {
            from = cursor.get();
        }
        if (cursor.isPresent() && !query.ascending() && cursor.get().isBefore(to)) {
            to = cursor.get();
        }
        if (to.isBefore(from)) {
            return Stream.empty();
        }
        Instant lowest = from;
        Instant highest = to;
        PreparedStatement statement = query.ascending() ? oldestInHour : newestInHour;
        return hours.between(scope(query.domain()), TimeBucket.HOUR.of(lowest), TimeBucket.HOUR.of(highest), !query.ascending()).stream()
            .flatMap(hour -> rows(statement.bind(query.domain().asString(), hour, lowest, highest)));
    }

    private Stream<PostyardEvent> rows(BoundStatement statement) {
        ResultSet rows = session.execute(statement.setPageSize(PAGE_SIZE));
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows.iterator(), Spliterator.ORDERED), false)
            .map(CassandraEventStore::event);
    }

    private static String scope(Domain domain) {
        return "events:" + domain.asString();
    }

    private static Object[] withFirst(Object first, PostyardEvent event) {
        Object[] values = values(event);
        Object[] all = new Object[values.length + 1];
        all[0] = first;
        System.arraycopy(values, 0, all, 1, values.length);
        return all;
    }

    private static Object[] values(PostyardEvent event) {
        Optional<MessageSummary> summary = event.message();
        Optional<DeliveryStatus> delivery = event.deliveryStatus();
        return new Object[] {event.id().value(), event.type().name(), event.timestamp(), event.account().value(), event.domain().asString(),
            event.messageId().orElse(null), event.recipient().orElse(null), event.severity().map(Severity::name).orElse(null),
            event.reason().orElse(null), event.tags(), event.userVariables(),
            summary.map(MessageSummary::messageId).orElse(null), summary.flatMap(MessageSummary::from).orElse(null),
            summary.flatMap(MessageSummary::to).orElse(null), summary.flatMap(MessageSummary::subject).orElse(null),
            summary.map(MessageSummary::size).orElse(null),
            delivery.flatMap(DeliveryStatus::code).orElse(null), delivery.flatMap(DeliveryStatus::enhancedCode).orElse(null),
            delivery.map(DeliveryStatus::message).orElse(null), delivery.flatMap(DeliveryStatus::mxHost).orElse(null),
            delivery.map(DeliveryStatus::attemptNo).orElse(null), event.details()};
    }

    private static PostyardEvent event(Row row) {
        Optional<MessageSummary> summary = Optional.ofNullable(row.getString("summary_message_id"))
            .map(messageId -> new MessageSummary(messageId, Optional.ofNullable(row.getString("summary_from")),
                Optional.ofNullable(row.getString("summary_to")), Optional.ofNullable(row.getString("summary_subject")),
                row.getLong("summary_size")));
        Optional<DeliveryStatus> delivery = Optional.ofNullable(row.getString("delivery_message"))
            .map(message -> new DeliveryStatus(Optional.ofNullable(row.get("delivery_code", Integer.class)),
                Optional.ofNullable(row.getString("delivery_enhanced_code")), message, Optional.ofNullable(row.getString("delivery_mx_host")),
                row.getInt("delivery_attempt")));
        return new PostyardEvent(new EventId(row.getString("id")), EventType.valueOf(row.getString("type")), row.getInstant("at"),
            new AccountId(row.getString("account")), Domain.of(row.getString("domain")), Optional.ofNullable(row.getString("message_id")),
            Optional.ofNullable(row.getString("recipient")), Optional.ofNullable(row.getString("severity")).map(Severity::valueOf),
            Optional.ofNullable(row.getString("reason")), row.getList("tags", String.class),
            row.getMap("user_variables", String.class, String.class), summary, delivery, row.getMap("details", String.class, String.class));
    }
}
