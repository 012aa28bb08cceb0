package io.postyard.jdbc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.postyard.core.event.EventCursor;
import io.postyard.core.event.EventQuery;
import io.postyard.core.event.FromFilter;

/**
 * An events query as one SQL statement that reads indexes in the order of the cursor, (occurred_at, id), from the
 * cursor on, and stops once it has a page: its cost follows the page, not the domain's history.
 * <p>
 * The most selective filter picks the index: a message's events, else a recipient's, else a From address's, else
 * those of a severity (which only failures have), else a tag's (with types, a tag and type's), else a type's, else the
 * domain's; the other filters apply to the rows it reads. Several types or tags read one range each, a page at most
 * from each, and the statement keeps the first page of their union: given the values in one range condition instead,
 * the databases read every value's whole range and sort it. A From filter that is not an address ({@link FromFilter})
 * is a substring, which no index finds: the rows read are all those of the range until a page matches.
 * <p>
 * ORDER BY names the columns the index starts with, though the query fixes them: H2 reads the index in order only then.
 */
final class EventQuerySql {
    record Statement(String sql, Map<String, Object> bindings) {
    }

    /** A column the index starts with, equal to a bound value. */
    private record Fixed(String column, String value) {
    }

    /** One index range read in order: its tables, the columns the index starts with, then the cursor's columns. */
    private record Scan(String tables, List<Fixed> fixed, String at, String id, List<String> filters) {
    }

    private final EventQuery query;
    private final String direction;
    private final Map<String, Object> bindings = new HashMap<>();

    private EventQuerySql(EventQuery query) {
        this.query = query;
        this.direction = query.ascending() ? " ASC" : " DESC";
    }

    static Statement of(EventQuery query) {
        EventQuerySql sql = new EventQuerySql(query);
        return new Statement(sql.statement(), sql.bindings);
    }

    private String statement() {
        List<Scan> scans = scans();
        String limit = "FETCH FIRST " + bind("limit", query.limit()) + " ROWS ONLY";
        if (scans.size() == 1) {
            return "SELECT " + EventRows.COLUMNS + " " + sql(scans.get(0), limit);
        }
        // UNION, not UNION ALL: an event carrying two of the tags is read twice.
        return scans.stream()
            .map(scan -> "(SELECT " + EventRows.COLUMNS + " " + sql(scan, limit) + ")")
            .collect(Collectors.joining(" UNION ")) + " ORDER BY occurred_at" + direction + ", id" + direction + " " + limit;
    }

    private List<Scan> scans() {
        Fixed domain = new Fixed("domain", bind("domain", query.domain().asString()));
        Optional<String> fromAddress = query.from().flatMap(FromFilter::address);
        List<String> unindexed = fromAddress.isPresent() ? List.of() : fromSubstringFilter().stream().toList();
        if (query.messageId().isPresent()) {
            Fixed message = new Fixed("bare_message_id", bind("messageId", EventQuery.bareMessageId(query.messageId().get())));
            return List.of(ofEvents(List.of(domain, message),
                with(unindexed, List.of(typeFilter(), recipientFilter(), fromAddressFilter(fromAddress), tagFilter(), severityFilter()))));
        }
        if (query.recipient().isPresent()) {
            Fixed recipient = new Fixed("recipient_key", recipientValue().orElseThrow());
            return List.of(ofEvents(List.of(domain, recipient),
                with(unindexed, List.of(typeFilter(), fromAddressFilter(fromAddress), tagFilter(), severityFilter()))));
        }
        if (fromAddress.isPresent()) {
            Fixed from = new Fixed("from_key", bind("fromKey", fromAddress.get()));
            return List.of(ofEvents(List.of(domain, from), with(unindexed, List.of(typeFilter(), tagFilter(), severityFilter()))));
        }
        if (query.severity().isPresent()) {
            Fixed severity = new Fixed("severity", severityValue().orElseThrow());
            return List.of(ofEvents(List.of(domain, severity), with(unindexed, List.of(typeFilter(), tagFilter()))));
        }
        List<Fixed> types = typeValues().stream().map(type -> new Fixed("event_type", type)).toList();
        if (!query.tags().isEmpty()) {
            List<Scan> scans = new ArrayList<>();
            for (String value : tagValues()) {
                Fixed tag = new Fixed("tag", value);
                if (types.isEmpty()) {
                    scans.add(ofTags(List.of(domain, tag), unindexed));
                }
                types.forEach(type -> scans.add(ofTags(List.of(domain, tag, type), unindexed)));
            }
            return scans;
        }
        if (!types.isEmpty()) {
            return types.stream().map(type -> ofEvents(List.of(domain, type), unindexed)).toList();
        }
        return List.of(ofEvents(List.of(domain), unindexed));
    }

    private static Scan ofEvents(List<Fixed> fixed, List<String> filters) {
        return new Scan("events e", qualified("e", fixed), "e.occurred_at", "e.id", filters);
    }

    private static Scan ofTags(List<Fixed> fixed, List<String> filters) {
        return new Scan("event_tags t JOIN events e ON e.id = t.event_id", qualified("t", fixed), "t.occurred_at", "t.event_id", filters);
    }

    private static List<Fixed> qualified(String alias, List<Fixed> fixed) {
        return fixed.stream().map(column -> new Fixed(alias + "." + column.column(), column.value())).toList();
    }

    private String sql(Scan scan, String limit) {
        List<String> conditions = new ArrayList<>();
        scan.fixed().forEach(fixed -> conditions.add(fixed.column() + " = " + fixed.value()));
        conditions.add(scan.at() + " >= " + bind("begin", EpochMillis.ceil(query.begin())));
        conditions.add(scan.at() + " < " + bind("end", EpochMillis.ceil(query.end())));
        query.after().ifPresent(cursor -> conditions.addAll(after(cursor, scan)));
        conditions.addAll(scan.filters());
        List<String> order = new ArrayList<>();
        scan.fixed().forEach(fixed -> order.add(fixed.column() + direction));
        order.add(scan.at() + direction);
        order.add(scan.id() + direction);
        return "FROM " + scan.tables() + " WHERE " + String.join(" AND ", conditions) + " ORDER BY " + String.join(", ", order) + " " + limit;
    }

    /**
     * Past the cursor in the query's order, written so that the databases read the index from the cursor on: a range on
     * occurred_at, and the id deciding among the events of the cursor's millisecond. A cursor between two milliseconds
     * has none of its own: the bounds, the milliseconds before and after it, then leave out no event and take in none.
     */
    private List<String> after(EventCursor cursor, Scan scan) {
        String floor = bind("cursorFloor", cursor.timestamp().toEpochMilli());
        String ceil = bind("cursorCeil", EpochMillis.ceil(cursor.timestamp()));
        String id = bind("cursorId", cursor.eventId());
        if (query.ascending()) {
            return List.of(scan.at() + " >= " + ceil, "(" + scan.at() + " > " + floor + " OR " + scan.id() + " > " + id + ")");
        }
        return List.of(scan.at() + " <= " + floor, "(" + scan.at() + " < " + ceil + " OR " + scan.id() + " < " + id + ")");
    }

    private Optional<String> typeFilter() {
        List<String> types = typeValues();
        return types.isEmpty() ? Optional.empty() : Optional.of("e.event_type IN (" + String.join(", ", types) + ")");
    }

    private Optional<String> recipientFilter() {
        return recipientValue().map(recipient -> "e.recipient_key = " + recipient);
    }

    /** Events carrying any of the tags. */
    private Optional<String> tagFilter() {
        List<String> tags = tagValues();
        return tags.isEmpty() ? Optional.empty()
            : Optional.of("EXISTS (SELECT 1 FROM event_tags x WHERE x.event_id = e.id AND x.tag IN (" + String.join(", ", tags) + "))");
    }

    private Optional<String> severityFilter() {
        return severityValue().map(severity -> "e.severity = " + severity);
    }

    private Optional<String> fromAddressFilter(Optional<String> address) {
        return address.map(from -> "e.from_key = " + bind("fromKey", from));
    }

    /** A case-insensitive substring of the From header, with LIKE's wildcards in it escaped. */
    private Optional<String> fromSubstringFilter() {
        return query.from().map(from -> {
            String escaped = from.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
            return "LOWER(e.summary_from) LIKE " + bind("from", "%" + escaped + "%") + " ESCAPE '!'";
        });
    }

    private Optional<String> recipientValue() {
        return query.recipient().map(recipient -> bind("recipient", EventRows.recipientKey(recipient)));
    }

    private Optional<String> severityValue() {
        return query.severity().map(severity -> bind("severity", severity.name()));
    }

    private List<String> typeValues() {
        return query.types().stream().sorted().map(type -> bind("type" + type.ordinal(), type.name())).toList();
    }

    private List<String> tagValues() {
        List<String> tags = query.tags().stream().sorted().toList();
        return IntStream.range(0, tags.size()).mapToObj(i -> bind("tag" + i, tags.get(i))).toList();
    }

    private static List<String> with(List<String> filters, List<Optional<String>> more) {
        return Stream.concat(filters.stream(), more.stream().flatMap(Optional::stream)).toList();
    }

    /** Binds the value to the name and gives its placeholder; binding a name again binds the same value. */
    private String bind(String name, Object value) {
        bindings.put(name, value);
        return ":" + name;
    }
}
