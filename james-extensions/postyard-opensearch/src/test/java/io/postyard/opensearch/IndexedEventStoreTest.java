package io.postyard.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.james.core.Domain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Refresh;

import io.postyard.core.account.AccountId;
import io.postyard.core.event.EventQuery;
import io.postyard.core.event.EventStore;
import io.postyard.core.event.EventStoreContract;
import io.postyard.core.event.EventType;
import io.postyard.core.event.MemoryEventStore;
import io.postyard.core.event.PostyardEvent;

/**
 * The event store contract, every query answered by the real OpenSearch; and what happens to an event whose indexing
 * fails, against a node that does not answer.
 */
class IndexedEventStoreTest extends EventStoreContract {
    @RegisterExtension
    static OpenSearchIndices opensearch = new OpenSearchIndices();

    private final MemoryEventStore records = new MemoryEventStore();
    private final IndexedEventStore store = new IndexedEventStore(records, opensearch.index());
    private final Domain domain = Domain.of(UUID.randomUUID() + ".indexed.test");
    private OpenSearchClient unreachable;

    @Override
    protected EventStore store() {
        return store;
    }

    @AfterEach
    void closeUnreachable() throws IOException {
        if (unreachable != null) {
            unreachable._transport().close();
        }
    }

    /** The same indices, through a client whose node does not answer: every index request fails. */
    private OpenSearchEventIndex unreachableIndex() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        unreachable = OpenSearchClients.open(new OpenSearchConfiguration(List.of(URI.create("http://127.0.0.1:" + port)), Optional.empty(),
            Optional.empty(), opensearch.prefix()));
        return new OpenSearchEventIndex(unreachable, opensearch.names(), Refresh.True);
    }

    private EventQuery everything() {
        return new EventQuery(domain, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), Set.of(), Optional.empty(), Set.of(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, 10);
    }

    @Test
    void anEventWhoseIndexingFailsIsStoredAndReadByIdButNotFoundUntilReindexed() throws IOException {
        IndexedEventStore withoutIndex = new IndexedEventStore(records, unreachableIndex());
        PostyardEvent event = PostyardEvent.builder(EventType.ACCEPTED, AccountId.DEFAULT, domain)
            .timestamp(Instant.parse("2026-04-01T12:00:00Z")).recipient("ann@example.test").build();

        assertThat(withoutIndex.append(event)).isTrue();

        assertThat(store.get(event.id())).contains(event);
        assertThat(records.query(everything())).containsExactly(event);
        assertThat(store.query(everything())).isEmpty();

        new OpenSearchEventReindexer(records, opensearch.index()).reindex(domain, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));

        assertThat(store.query(everything())).containsExactly(event);
    }

    @Test
    void publishingAStoredEventAgainIndexesIt() throws IOException {
        PostyardEvent event = PostyardEvent.builder(EventType.DELIVERED, AccountId.DEFAULT, domain)
            .timestamp(Instant.parse("2026-04-02T12:00:00Z")).recipient("bob@example.test").build();
        new IndexedEventStore(records, unreachableIndex()).append(event);

        assertThat(store.append(event)).isFalse();

        assertThat(store.query(everything())).containsExactly(event);
    }
}
