package io.postyard.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.james.core.Domain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opensearch.client.opensearch._types.mapping.DynamicMapping;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postyard.core.account.AccountId;
import io.postyard.core.event.EventCursor;
import io.postyard.core.event.EventId;
import io.postyard.core.event.EventQuery;
import io.postyard.core.event.EventType;
import io.postyard.core.event.MessageSummary;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.event.Severity;

/** The index on the real OpenSearch: documents, mapping, every filter and the cursor, as the events API uses them. */
class OpenSearchEventIndexTest {
    private static final Instant T0 = Instant.parse("2026-05-10T23:59:58.250Z");

    @RegisterExtension
    static OpenSearchIndices opensearch = new OpenSearchIndices();

    private final Domain domain = Domain.of(UUID.randomUUID() + ".index.test");
    private final OpenSearchEventIndex index = opensearch.index();

    private PostyardEvent.Builder event(EventType type, Instant at) {
        return PostyardEvent.builder(type, AccountId.DEFAULT, domain).timestamp(at);
    }

    private PostyardEvent indexed(PostyardEvent event) {
        index.index(event);
        return event;
    }

    private Queries query() {
        return Queries.of(domain, T0.minusSeconds(3600), T0.plusSeconds(86_400));
    }

    @Test
    void anEventIsADocumentOfItsDayUnderItsId() throws IOException {
        PostyardEvent failed = indexed(event(EventType.FAILED, T0).recipient("Bob@Example.test").severity(Severity.TEMPORARY)
            .tags(List.of("news", "weekly")).messageId("<abc@sender.test>").build());

        ObjectNode document = opensearch.client().get(get -> get.index(opensearch.prefix() + "-2026.05.10").id(failed.id().value()),
            ObjectNode.class).source();

        assertThat(document.get("recipient").asText()).isEqualTo("Bob@Example.test");
        assertThat(document.get("message_id").asText()).isEqualTo("abc@sender.test");
        assertThat(document.get("timestamp").asLong()).isEqualTo(T0.toEpochMilli());
        assertThat(document.get("tags").toString()).isEqualTo("[\"news\",\"weekly\"]");
        assertThat(document.get("event").get("id").asText()).isEqualTo(failed.id().value());
    }

    @Test
    void dailyIndicesAreMadeFromTheTemplateMapping() throws IOException {
        PostyardEvent event = indexed(event(EventType.DELIVERED, Instant.parse("2026-03-01T10:00:00Z")).build());

        TypeMapping mapping = opensearch.client().indices().getMapping(get -> get.index(opensearch.names().dailyIndex(event.timestamp())))
            .result().get(opensearch.names().dailyIndex(event.timestamp())).mappings();

        assertThat(mapping.dynamic()).isEqualTo(DynamicMapping.False);
        assertThat(mapping.properties().get("recipient").keyword().normalizer()).isEqualTo("postyard_lowercase");
        assertThat(mapping.properties().get("timestamp").isDate()).isTrue();
        assertThat(mapping.properties().get("event").object().enabled()).isFalse();
        assertThat(mapping.properties()).containsOnlyKeys("id", "type", "timestamp", "account", "domain", "recipient", "tags", "message_id",
            "from", "severity", "event");
    }

    @Test
    void indexingAnEventAgainReplacesItsDocument() {
        PostyardEvent first = indexed(event(EventType.DELIVERED, T0).recipient("a@example.test").build());
        PostyardEvent corrected = event(EventType.DELIVERED, T0).id(first.id()).recipient("b@example.test").build();

        index.index(first);
        assertThat(index.index(List.of(first, first))).isZero();
        assertThat(index.search(query().build())).containsExactly(first);

        index.index(corrected);
        assertThat(index.search(query().build())).containsExactly(corrected);
    }

    @Test
    void timestampsAreKeptToTheMillisecond() {
        PostyardEvent precise = indexed(event(EventType.ACCEPTED, T0.plusNanos(123_456)).build());

        assertThat(index.search(query().build())).singleElement()
            .satisfies(found -> assertThat(found.id()).isEqualTo(precise.id()))
            .satisfies(found -> assertThat(found.timestamp()).isEqualTo(T0));
    }

    @Test
    void eachFilterNarrowsTheEvents() {
        PostyardEvent accepted = indexed(event(EventType.ACCEPTED, T0).recipient("ann@example.test").tags(List.of("news"))
            .message(new MessageSummary("<m1@sender.test>", Optional.of("Shop *Deals* <shop@sender.test>"), Optional.empty(), Optional.empty(), 10))
            .messageId("<m1@sender.test>")
            .build());
        PostyardEvent bounced = indexed(event(EventType.FAILED, T0.plusSeconds(1)).recipient("bob@example.test").severity(Severity.PERMANENT)
            .reason("bounce").tags(List.of("promo", "news")).messageId("<m2@sender.test>").build());
        PostyardEvent deferred = indexed(event(EventType.FAILED, T0.plusSeconds(2)).recipient("Bob@Example.test").severity(Severity.TEMPORARY)
            .messageId("m2@sender.test").build());
        PostyardEvent delivered = indexed(event(EventType.DELIVERED, T0.plusSeconds(3)).recipient("carl@example.test")
            .message(new MessageSummary("<m3@sender.test>", Optional.of("Shop Deals <deals@sender.test>"), Optional.empty(), Optional.empty(), 10))
            .build());

        assertThat(index.search(query().types(EventType.FAILED).build())).containsExactly(deferred, bounced);
        assertThat(index.search(query().types(EventType.ACCEPTED, EventType.DELIVERED).build())).containsExactly(delivered, accepted);
        assertThat(index.search(query().recipient("BOB@example.TEST").build())).containsExactly(deferred, bounced);
        assertThat(index.search(query().tags("news", "other").ascending().build())).containsExactly(accepted, bounced);
        assertThat(index.search(query().tags("News").build())).isEmpty();
        assertThat(index.search(query().from("shop@").build())).containsExactly(accepted);
        assertThat(index.search(query().from("*DEALS*").build())).containsExactly(accepted);
        assertThat(index.search(query().from("deals").build())).containsExactly(delivered, accepted);
        assertThat(index.search(query().from("?").build())).isEmpty();
        assertThat(index.search(query().messageId("m2@sender.test").build())).containsExactly(deferred, bounced);
        assertThat(index.search(query().messageId("<m1@sender.test>").build())).containsExactly(accepted);
        assertThat(index.search(query().severity(Severity.PERMANENT).build())).containsExactly(bounced);
        assertThat(index.search(query().types(EventType.FAILED).recipient("bob@example.test").severity(Severity.TEMPORARY).build()))
            .containsExactly(deferred);
    }

    @Test
    void theRangeIncludesItsBeginAndExcludesItsEndToTheNanosecond() {
        PostyardEvent atBegin = indexed(event(EventType.DELIVERED, T0).build());
        PostyardEvent inside = indexed(event(EventType.DELIVERED, T0.plusMillis(1)).build());
        PostyardEvent atEnd = indexed(event(EventType.DELIVERED, T0.plusMillis(2)).build());

        assertThat(index.search(query().range(T0, T0.plusMillis(2)).build())).containsExactly(inside, atBegin);
        assertThat(index.search(query().range(T0.plusNanos(1), T0.plusMillis(2).plusNanos(1)).build())).containsExactly(atEnd, inside);
        assertThat(index.search(query().range(T0.minusSeconds(86_400 * 400), T0.plusSeconds(86_400 * 400)).build()))
            .containsExactly(atEnd, inside, atBegin);
    }

    @Test
    void anotherDomainsEventsAreNotShown() {
        Domain other = Domain.of(UUID.randomUUID() + ".index.test");
        PostyardEvent mine = indexed(event(EventType.DELIVERED, T0).messageId("<shared@sender.test>").build());
        index.index(PostyardEvent.builder(EventType.DELIVERED, AccountId.DEFAULT, other).timestamp(T0).messageId("<shared@sender.test>").build());

        assertThat(index.search(query().build())).containsExactly(mine);
        assertThat(index.search(query().messageId("shared@sender.test").build())).containsExactly(mine);
    }

    @Test
    void aCursorPagesNewestFirstAndOldestFirstAcrossDaysAndEqualTimestamps() {
        Instant same = T0.plusSeconds(1);
        PostyardEvent a = indexed(event(EventType.DELIVERED, same).id(new EventId("a-" + UUID.randomUUID())).build());
        PostyardEvent b = indexed(event(EventType.DELIVERED, same).id(new EventId("b-" + UUID.randomUUID())).build());
        PostyardEvent c = indexed(event(EventType.DELIVERED, same).id(new EventId("c-" + UUID.randomUUID())).build());
        PostyardEvent earlier = indexed(event(EventType.DELIVERED, T0).build());
        PostyardEvent nextDay = indexed(event(EventType.DELIVERED, same.plusSeconds(7200)).build());
        EventQuery newestFirst = query().limit(2).build();
        EventQuery oldestFirst = query().ascending().limit(2).build();

        assertThat(index.search(newestFirst)).containsExactly(nextDay, c);
        assertThat(index.search(newestFirst.after(EventCursor.of(c)))).containsExactly(b, a);
        assertThat(index.search(newestFirst.after(EventCursor.of(a)))).containsExactly(earlier);
        assertThat(index.search(newestFirst.after(EventCursor.of(earlier)))).isEmpty();
        assertThat(index.search(oldestFirst)).containsExactly(earlier, a);
        assertThat(index.search(oldestFirst.after(EventCursor.of(a)))).containsExactly(b, c);
        assertThat(index.search(oldestFirst.after(EventCursor.of(c)))).containsExactly(nextDay);
        assertThat(index.search(oldestFirst.after(EventCursor.of(nextDay)))).isEmpty();
    }

    @Test
    void aSearchBeforeAnyIndexExistsFindsNothing() {
        OpenSearchEventIndex empty = new OpenSearchEventIndex(opensearch.client(), new EventIndexNames(OpenSearchIndices.randomPrefix()),
            org.opensearch.client.opensearch._types.Refresh.True);

        assertThat(empty.search(query().build())).isEmpty();
    }

    @Test
    void aBulkCountsTheDocumentsOpenSearchRefuses() throws IOException {
        PostyardEvent today = event(EventType.ACCEPTED, Instant.parse("2026-02-01T08:00:00Z")).build();
        PostyardEvent closedDay = event(EventType.ACCEPTED, Instant.parse("2026-02-02T08:00:00Z")).build();
        index.index(closedDay);
        opensearch.client().indices().close(close -> close.index(opensearch.names().dailyIndex(closedDay.timestamp())));

        assertThat(index.index(List.of(today, closedDay))).isEqualTo(1);
        assertThat(index.search(query().range(Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-02-02T00:00:00Z")).build()))
            .containsExactly(today);
    }
}
