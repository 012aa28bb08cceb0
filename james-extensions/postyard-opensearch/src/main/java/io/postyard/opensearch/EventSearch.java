package io.postyard.opensearch;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchRequest;

import io.postyard.core.event.EventQuery;
import io.postyard.core.event.EventType;
import io.postyard.core.event.FromFilter;
import io.postyard.core.event.Severity;

/**
 * An {@link EventQuery} as a search: every filter a non-scoring clause, sorted by (timestamp, id) both ascending or
 * both descending, which is the events API's cursor, and continued from the cursor with {@code search_after}, so
 * paging costs the same on the thousandth page as on the first and shows no event twice.
 */
final class EventSearch {
    static SearchRequest of(EventQuery query, EventIndexNames names) {
        List<Query> filters = new ArrayList<>();
        filters.add(term(EventDocument.DOMAIN, query.domain().asString()));
        // Documents hold whole milliseconds: t >= begin and t < end are t >= begin and t < end rounded up to the millisecond.
        filters.add(Query.of(q -> q.range(range -> range.field(EventDocument.TIMESTAMP).format("epoch_millis")
            .gte(JsonData.of(ceilingMillis(query.begin()))).lt(JsonData.of(ceilingMillis(query.end()))))));
        if (!query.types().isEmpty()) {
            filters.add(terms(EventDocument.TYPE, query.types().stream().map(EventType::asString).toList()));
        }
        query.recipient().ifPresent(recipient -> filters.add(term(EventDocument.RECIPIENT, recipient.toLowerCase(Locale.ROOT))));
        if (!query.tags().isEmpty()) {
            filters.add(terms(EventDocument.TAGS, List.copyOf(query.tags())));
        }
        query.from().ifPresent(from -> filters.add(fromFilter(from)));
        query.messageId().ifPresent(messageId -> filters.add(term(EventDocument.MESSAGE_ID, EventQuery.bareMessageId(messageId))));
        query.severity().map(Severity::asString).ifPresent(severity -> filters.add(term(EventDocument.SEVERITY, severity)));

        SortOrder order = query.ascending() ? SortOrder.Asc : SortOrder.Desc;
        SearchRequest.Builder search = new SearchRequest.Builder()
            .index(names.allIndices())
            .ignoreUnavailable(true)
            .allowNoIndices(true)
            .query(q -> q.bool(bool -> bool.filter(filters)))
            .sort(sort -> sort.field(field -> field.field(EventDocument.TIMESTAMP).order(order)))
            .sort(sort -> sort.field(field -> field.field(EventDocument.ID).order(order)))
            .size(query.limit())
            .trackTotalHits(track -> track.enabled(false))
            .source(source -> source.filter(filter -> filter.includes(EventDocument.EVENT)));
        query.after().ifPresent(cursor -> search.searchAfter(FieldValue.of(cursor.timestamp().toEpochMilli()),
            FieldValue.of(cursor.eventId())));
        return search.build();
    }

    /**
     * {@link FromFilter} on the From header as indexed (a keyword in lower case): an address is the whole header, the
     * part in angle brackets, or the header's start before a comment; anything else a substring.
     */
    private static Query fromFilter(String from) {
        return FromFilter.address(from)
            .map(address -> Query.of(q -> q.bool(bool -> bool.minimumShouldMatch("1")
                .should(term(EventDocument.FROM, address))
                .should(wildcard("*<" + escapeWildcard(address) + ">*"))
                .should(wildcard(escapeWildcard(address) + " (*")))))
            .orElseGet(() -> wildcard("*" + escapeWildcard(from.toLowerCase(Locale.ROOT)) + "*"));
    }

    private static Query wildcard(String pattern) {
        return Query.of(q -> q.wildcard(wildcard -> wildcard.field(EventDocument.FROM).value(pattern).caseInsensitive(true)));
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(term -> term.field(field).value(FieldValue.of(value))));
    }

    private static Query terms(String field, List<String> values) {
        return Query.of(q -> q.terms(terms -> terms.field(field)
            .terms(list -> list.value(values.stream().map(FieldValue::of).toList()))));
    }

    private static long ceilingMillis(Instant instant) {
        Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
        return millis.equals(instant) ? millis.toEpochMilli() : millis.toEpochMilli() + 1;
    }

    /** A wildcard pattern matches '*' and '?' literally only escaped, as it does the escape character itself. */
    private static String escapeWildcard(String value) {
        return value.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
    }

    private EventSearch() {
    }
}
