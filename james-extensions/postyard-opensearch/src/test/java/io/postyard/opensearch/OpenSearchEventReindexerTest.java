package io.postyard.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.james.core.Domain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.account.AccountId;
import io.postyard.core.event.EventQuery;
import io.postyard.core.event.EventReindexer;
import io.postyard.core.event.EventType;
import io.postyard.core.event.MemoryEventStore;
import io.postyard.core.event.PostyardEvent;

/** Re-indexing from the records into the real OpenSearch: the domain and range asked for, in pages, as often as wanted. */
class OpenSearchEventReindexerTest {
    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    @RegisterExtension
    static OpenSearchIndices opensearch = new OpenSearchIndices();

    private final MemoryEventStore records = new MemoryEventStore();
    private final OpenSearchEventIndex index = opensearch.index();
    private final OpenSearchEventReindexer reindexer = new OpenSearchEventReindexer(records, index);
    private final Domain domain = Domain.of(UUID.randomUUID() + ".reindex.test");

    private PostyardEvent stored(Domain of, Instant at) {
        PostyardEvent event = PostyardEvent.builder(EventType.DELIVERED, AccountId.DEFAULT, of).timestamp(at).build();
        records.append(event);
        return event;
    }

    private List<PostyardEvent> indexed(Domain of) {
        return index.search(new EventQuery(of, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), Set.of(), Optional.empty(), Set.of(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), true, 300));
    }

    @Test
    void theDomainsEventsWithinTheRangeAreIndexedPageByPage() {
        List<PostyardEvent> inRange = IntStream.range(0, OpenSearchEventReindexer.PAGE * 2 + 7)
            .mapToObj(i -> stored(domain, T0.plusSeconds(i * 60L)))
            .toList();
        stored(domain, T0.minusMillis(1));
        PostyardEvent atEnd = stored(domain, T0.plusSeconds(86_400 * 2));
        Domain other = Domain.of(UUID.randomUUID() + ".reindex.test");
        stored(other, T0);

        EventReindexer.Result result = reindexer.reindex(domain, T0, atEnd.timestamp());

        assertThat(result).isEqualTo(new EventReindexer.Result(inRange.size(), 0));
        assertThat(indexed(domain)).hasSize(300).containsExactlyElementsOf(inRange.subList(0, 300));
        assertThat(index.search(new EventQuery(domain, T0, atEnd.timestamp().plusSeconds(1), Set.of(), Optional.empty(), Set.of(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, 1))).containsExactly(inRange.get(inRange.size() - 1));
        assertThat(indexed(other)).isEmpty();
    }

    @Test
    void reindexingAgainChangesNothing() {
        PostyardEvent first = stored(domain, T0);
        PostyardEvent second = stored(domain, T0.plusSeconds(1));

        reindexer.reindex(domain, Instant.EPOCH, T0.plusSeconds(3600));
        EventReindexer.Result again = reindexer.reindex(domain, Instant.EPOCH, T0.plusSeconds(3600));

        assertThat(again).isEqualTo(new EventReindexer.Result(2, 0));
        assertThat(indexed(domain)).containsExactly(first, second);
    }

    @Test
    void eventsTheIndexRefusesAreCounted() throws IOException {
        Instant closedDay = Instant.parse("2026-07-04T10:00:00Z");
        stored(domain, closedDay);
        PostyardEvent accepted = stored(domain, closedDay.plusSeconds(86_400));
        index.index(PostyardEvent.builder(EventType.ACCEPTED, AccountId.DEFAULT, domain).timestamp(closedDay).build());
        opensearch.client().indices().close(close -> close.index(opensearch.names().dailyIndex(closedDay)));

        assertThat(reindexer.reindex(domain, closedDay, closedDay.plusSeconds(86_401))).isEqualTo(new EventReindexer.Result(2, 1));
        assertThat(indexed(domain)).containsExactly(accepted);
    }
}
