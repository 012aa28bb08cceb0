package io.postyard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.apache.james.core.Domain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.postyard.core.account.AccountId;
import io.postyard.core.event.EventCursor;
import io.postyard.core.event.EventQuery;
import io.postyard.core.event.EventStore;
import io.postyard.core.event.EventStoreContract;
import io.postyard.core.event.EventType;
import io.postyard.core.event.MemoryEventStore;
import io.postyard.core.event.MessageSummary;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.event.Severity;

class JdbcEventStoreTest extends EventStoreContract {
    @RegisterExtension
    static JdbcDatabase database = new JdbcDatabase(JdbcEventStore.SCHEMA);

    private static final Instant T0 = Instant.parse("2026-05-10T12:00:00Z");

    private final EventStore store = new JdbcEventStore(database.jdbi());

    @Override
    protected EventStore store() {
        return store;
    }

    /**
     * Each index the SQL picks, and the unions of several types and tags, page like the memory store: the same events in
     * the same order, page after page, both ways, also from a cursor between two milliseconds.
     */
    @Test
    void everyFilterCombinationPagesLikeTheMemoryStore() {
        Domain domain = Domain.of(UUID.randomUUID() + ".jdbc.test");
        MemoryEventStore memory = new MemoryEventStore();
        Random random = new Random(42);
        List<String> tags = List.of("news", "promo", "weekly", "vip");
        List<EventType> types = List.of(EventType.ACCEPTED, EventType.DELIVERED, EventType.FAILED, EventType.OPENED);
        for (int i = 0; i < 400; i++) {
            EventType type = types.get(random.nextInt(types.size()));
            PostyardEvent.Builder event = PostyardEvent.builder(type, AccountId.DEFAULT, domain)
                // Few distinct milliseconds, so that ids often decide the order.
                .timestamp(T0.plusMillis(random.nextInt(60)))
                .recipient((random.nextBoolean() ? "Ann" : "bob") + random.nextInt(3) + "@example.test")
                .tags(random.ints(random.nextInt(4), 0, tags.size()).mapToObj(tags::get).toList())
                .message(new MessageSummary("<m" + random.nextInt(20) + "@sender.test>",
                    Optional.of(random.nextBoolean() ? "Shop_1 <shop@sender.test>" : "News <news%@sender.test>"), Optional.empty(),
                    Optional.empty(), 10));
            if (type == EventType.FAILED || random.nextInt(10) == 0) {
                event.severity(random.nextBoolean() ? Severity.PERMANENT : Severity.TEMPORARY);
            }
            PostyardEvent built = event.build();
            store.append(built);
            memory.append(built);
        }
        List<EventQuery> queries = new ArrayList<>();
        for (Set<EventType> typeFilter : List.of(Set.<EventType>of(), Set.of(EventType.FAILED), Set.of(EventType.ACCEPTED, EventType.OPENED))) {
            for (Set<String> tagFilter : List.of(Set.<String>of(), Set.of("news"), Set.of("news", "vip"))) {
                for (Optional<String> recipient : List.of(Optional.<String>empty(), Optional.of("ANN1@example.test"))) {
                    for (boolean ascending : List.of(true, false)) {
                        queries.add(new EventQuery(domain, T0.plusMillis(5), T0.plusMillis(50), typeFilter, recipient, tagFilter,
                            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), ascending, 7));
                    }
                }
            }
        }
        queries.add(new EventQuery(domain, T0, T0.plusSeconds(1), Set.of(), Optional.empty(), Set.of("promo"), Optional.empty(),
            Optional.of("m3@sender.test"), Optional.empty(), Optional.empty(), false, 3));
        queries.add(new EventQuery(domain, T0, T0.plusSeconds(1), Set.of(), Optional.empty(), Set.of(), Optional.of("shop_1"),
            Optional.empty(), Optional.of(Severity.PERMANENT), Optional.empty(), true, 5));
        queries.add(new EventQuery(domain, T0, T0.plusSeconds(1), Set.of(EventType.FAILED), Optional.empty(), Set.of("news"),
            Optional.of("SHOP@sender.test"), Optional.empty(), Optional.empty(), Optional.empty(), false, 4));
        queries.add(new EventQuery(domain, T0, T0.plusSeconds(1), Set.of(), Optional.of("bob2@example.test"), Set.of(),
            Optional.of("shop@sender.test"), Optional.empty(), Optional.empty(), Optional.empty(), true, 4));
        queries.add(new EventQuery(domain, T0, T0.plusSeconds(1), Set.of(), Optional.empty(), Set.of(), Optional.of("S%@"),
            Optional.empty(), Optional.empty(), Optional.empty(), true, 5));
        queries.add(new EventQuery(domain, T0.plusNanos(1_500_000), T0.plusNanos(30_500_000), Set.of(), Optional.empty(), Set.of(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(new EventCursor(T0.plusNanos(20_500_000), "~")), false, 9));

        for (EventQuery query : queries) {
            int pages = 0;
            EventQuery page = query;
            while (true) {
                List<PostyardEvent> expected = memory.query(page);
                assertThat(store.query(page)).as("%s", page).isEqualTo(expected);
                if (expected.isEmpty()) {
                    break;
                }
                pages++;
                page = query.after(EventCursor.of(expected.get(expected.size() - 1)));
            }
            assertThat(pages).as("%s", query).isPositive();
        }
    }
}
