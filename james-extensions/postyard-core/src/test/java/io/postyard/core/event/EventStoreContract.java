package io.postyard.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.james.core.Domain;
import org.junit.jupiter.api.Test;

import io.postyard.core.account.AccountId;

/** What every {@link EventStore} does. Each test uses a domain of its own; instants are whole milliseconds. */
public abstract class EventStoreContract {
    private static final Instant T0 = Instant.parse("2026-05-10T23:59:58.250Z");

    private final Domain domain = Domain.of(UUID.randomUUID() + ".contract.test");

    protected abstract EventStore store();

    private PostyardEvent.Builder event(EventType type, Instant at) {
        return PostyardEvent.builder(type, AccountId.DEFAULT, domain).timestamp(at);
    }

    private PostyardEvent append(PostyardEvent event) {
        store().append(event);
        return event;
    }

    private EventQuery query(Instant begin, Instant end, boolean ascending, int limit) {
        return new EventQuery(domain, begin, end, Set.of(), Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), ascending, limit);
    }

    private static List<String> ids(List<PostyardEvent> events) {
        return events.stream().map(event -> event.id().value()).toList();
    }

    @Test
    void anEventComesBackWithEverythingItCarriesByIdAndByQuery() {
        PostyardEvent failed = event(EventType.FAILED, T0)
            .recipient("Bob@Example.test")
            .severity(Severity.TEMPORARY)
            .reason("generic")
            .tags(List.of("news", "weekly"))
            .userVariables(Map.of("order", "42", "empty", ""))
            .message(new MessageSummary("<abc@sender.test>", Optional.of("Ann <ann@sender.test>"), Optional.of("bob@example.test"),
                Optional.of("Hello"), 1234))
            .deliveryStatus(new DeliveryStatus(Optional.of(451), Optional.of("4.7.1"), "try later", Optional.of("mx.example.test"), 2))
            .details(Map.of("delayed", "true"))
            .build();
        PostyardEvent bare = event(EventType.ACCEPTED, T0).deliveryStatus(new DeliveryStatus(Optional.empty(), Optional.empty(), "",
            Optional.empty(), 0)).build();
        PostyardEvent minimal = event(EventType.EXPIRED, T0).build();

        assertThat(store().append(failed)).isTrue();
        store().append(bare);
        store().append(minimal);

        assertThat(store().get(failed.id())).contains(failed);
        assertThat(store().get(bare.id())).contains(bare);
        assertThat(store().get(minimal.id())).contains(minimal);
        assertThat(store().get(EventId.random())).isEmpty();
        assertThat(store().query(query(T0, T0.plusMillis(1), true, 10))).containsExactlyInAnyOrder(failed, bare, minimal);
    }

    @Test
    void appendingAnIdAgainChangesNothing() {
        PostyardEvent first = append(event(EventType.DELIVERED, T0).recipient("a@example.test").build());
        PostyardEvent again = event(EventType.DELIVERED, T0.plusSeconds(5)).id(first.id()).recipient("b@example.test").build();

        assertThat(store().append(again)).isFalse();

        assertThat(store().get(first.id())).contains(first);
        assertThat(store().query(query(T0.minusSeconds(60), T0.plusSeconds(60), false, 10))).containsExactly(first);
    }

    @Test
    void eventsComeNewestFirstOrOldestFirstWithinTheRange() {
        PostyardEvent before = append(event(EventType.ACCEPTED, T0.minusMillis(1)).build());
        PostyardEvent first = append(event(EventType.ACCEPTED, T0).build());
        PostyardEvent nextDay = append(event(EventType.DELIVERED, T0.plusSeconds(3)).build());
        PostyardEvent nextMonth = append(event(EventType.OPENED, T0.plusSeconds(86_400 * 25)).build());
        PostyardEvent atEnd = append(event(EventType.CLICKED, T0.plusSeconds(86_400 * 30)).build());

        assertThat(store().query(query(T0, atEnd.timestamp(), false, 10))).containsExactly(nextMonth, nextDay, first);
        assertThat(store().query(query(T0, atEnd.timestamp(), true, 10))).containsExactly(first, nextDay, nextMonth);
        assertThat(store().query(query(T0, atEnd.timestamp(), false, 2))).containsExactly(nextMonth, nextDay);
        assertThat(store().query(query(Instant.EPOCH, T0.plusSeconds(86_400 * 3650), true, 10)))
            .containsExactly(before, first, nextDay, nextMonth, atEnd);
    }

    @Test
    void aCursorContinuesAfterTheLastEventShownEvenAmongEqualTimestamps() {
        Instant same = T0.plusSeconds(1);
        PostyardEvent a = append(event(EventType.DELIVERED, same).id(new EventId("a-" + UUID.randomUUID())).build());
        PostyardEvent b = append(event(EventType.DELIVERED, same).id(new EventId("b-" + UUID.randomUUID())).build());
        PostyardEvent c = append(event(EventType.DELIVERED, same).id(new EventId("c-" + UUID.randomUUID())).build());
        PostyardEvent earlier = append(event(EventType.DELIVERED, T0).build());
        PostyardEvent later = append(event(EventType.DELIVERED, same.plusSeconds(7200)).build());
        EventQuery newestFirst = query(T0, T0.plusSeconds(86_400), false, 2);
        EventQuery oldestFirst = query(T0, T0.plusSeconds(86_400), true, 2);

        assertThat(store().query(newestFirst)).containsExactly(later, c);
        assertThat(store().query(newestFirst.after(EventCursor.of(c)))).containsExactly(b, a);
        assertThat(store().query(newestFirst.after(EventCursor.of(a)))).containsExactly(earlier);
        assertThat(store().query(newestFirst.after(EventCursor.of(earlier)))).isEmpty();
        assertThat(store().query(oldestFirst)).containsExactly(earlier, a);
        assertThat(store().query(oldestFirst.after(EventCursor.of(a)))).containsExactly(b, c);
        assertThat(store().query(oldestFirst.after(EventCursor.of(c)))).containsExactly(later);
        assertThat(ids(store().query(oldestFirst.after(EventCursor.of(later))))).isEmpty();
    }

    @Test
    void filtersNarrowTheEvents() {
        PostyardEvent accepted = append(event(EventType.ACCEPTED, T0).recipient("ann@example.test").tags(List.of("news"))
            .message(new MessageSummary("<m1@sender.test>", Optional.of("Shop <shop@sender.test>"), Optional.empty(), Optional.empty(), 10))
            .build());
        PostyardEvent bounced = append(event(EventType.FAILED, T0.plusSeconds(1)).recipient("bob@example.test").severity(Severity.PERMANENT)
            .reason("bounce").tags(List.of("promo", "news")).messageId("<m2@sender.test>").build());
        PostyardEvent deferred = append(event(EventType.FAILED, T0.plusSeconds(2)).recipient("bob@example.test").severity(Severity.TEMPORARY)
            .messageId("<m2@sender.test>").build());
        Instant end = T0.plusSeconds(60);

        assertThat(store().query(new EventQuery(domain, T0, end, Set.of(EventType.FAILED), Optional.empty(), Set.of(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), false, 10))).containsExactly(deferred, bounced);
        assertThat(store().query(new EventQuery(domain, T0, end, Set.of(EventType.ACCEPTED, EventType.FAILED), Optional.of("BOB@example.test"),
            Set.of(), Optional.empty(), Optional.empty(), Optional.of(Severity.PERMANENT), Optional.empty(), false, 10))).containsExactly(bounced);
        assertThat(store().query(new EventQuery(domain, T0, end, Set.of(), Optional.empty(), Set.of("news", "other"), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), true, 10))).containsExactly(accepted, bounced);
        assertThat(store().query(new EventQuery(domain, T0, end, Set.of(), Optional.empty(), Set.of(), Optional.of("SHOP@"),
            Optional.empty(), Optional.empty(), Optional.empty(), true, 10))).containsExactly(accepted);
    }

    @Test
    void anAddressFindsTheEventsOfMailFromExactlyThatAddressAndAnythingElseIsASubstringOfTheHeader() {
        PostyardEvent fromBob = append(event(EventType.ACCEPTED, T0).message(new MessageSummary("<m1@sender.test>",
            Optional.of("\"Bob, Sales\" <Bob@Sender.test>"), Optional.empty(), Optional.empty(), 10)).build());
        PostyardEvent bareBob = append(event(EventType.DELIVERED, T0.plusSeconds(1)).message(new MessageSummary("<m2@sender.test>",
            Optional.of("bob@sender.test"), Optional.empty(), Optional.empty(), 10)).build());
        PostyardEvent fromRebob = append(event(EventType.ACCEPTED, T0.plusSeconds(2)).message(new MessageSummary("<m3@sender.test>",
            Optional.of("Rebob <rebob@sender.test>"), Optional.empty(), Optional.empty(), 10)).build());
        append(event(EventType.ACCEPTED, T0.plusSeconds(3)).build());
        Instant end = T0.plusSeconds(60);

        assertThat(store().query(fromQuery("BOB@sender.test", end))).containsExactly(fromBob, bareBob);
        assertThat(store().query(new EventQuery(domain, T0, end, Set.of(EventType.DELIVERED), Optional.empty(), Set.of(),
            Optional.of("bob@sender.test"), Optional.empty(), Optional.empty(), Optional.empty(), true, 10))).containsExactly(bareBob);
        assertThat(store().query(fromQuery("bob@", end))).containsExactly(fromBob, bareBob, fromRebob);
        assertThat(store().query(fromQuery("sales", end))).containsExactly(fromBob);
        assertThat(store().query(fromQuery("nobody@sender.test", end))).isEmpty();
    }

    private EventQuery fromQuery(String from, Instant end) {
        return new EventQuery(domain, T0, end, Set.of(), Optional.empty(), Set.of(), Optional.of(from), Optional.empty(), Optional.empty(),
            Optional.empty(), true, 10);
    }

    @Test
    void aMessageIdFindsItsEventsWithOrWithoutBrackets() {
        PostyardEvent accepted = append(event(EventType.ACCEPTED, T0).recipient("ann@example.test").messageId("<m1@sender.test>").build());
        PostyardEvent opened = append(event(EventType.OPENED, T0.plusSeconds(86_400 * 2)).recipient("ann@example.test")
            .messageId("m1@sender.test").build());
        append(event(EventType.ACCEPTED, T0).recipient("bob@example.test").messageId("<m2@sender.test>").build());
        append(event(EventType.ACCEPTED, T0.minusSeconds(86_400 * 100)).recipient("ann@example.test").messageId("<m1@sender.test>").build());

        assertThat(store().query(new EventQuery(domain, T0.minusSeconds(60), T0.plusSeconds(86_400 * 90), Set.of(), Optional.empty(),
            Set.of(), Optional.empty(), Optional.of("m1@sender.test"), Optional.empty(), Optional.empty(), false, 10)))
            .containsExactly(opened, accepted);
        assertThat(store().query(new EventQuery(domain, T0.minusSeconds(60), T0.plusSeconds(86_400 * 90), Set.of(EventType.ACCEPTED),
            Optional.of("ann@example.test"), Set.of(), Optional.empty(), Optional.of("<m1@sender.test>"), Optional.empty(), Optional.empty(),
            true, 1))).containsExactly(accepted);
    }

    @Test
    void anotherDomainsEventsAreNotShown() {
        Domain other = Domain.of(UUID.randomUUID() + ".contract.test");
        PostyardEvent mine = append(event(EventType.DELIVERED, T0).messageId("<shared@sender.test>").build());
        append(PostyardEvent.builder(EventType.DELIVERED, AccountId.DEFAULT, other).timestamp(T0).messageId("<shared@sender.test>").build());

        assertThat(store().query(query(T0, T0.plusSeconds(1), false, 10))).containsExactly(mine);
        assertThat(store().query(new EventQuery(domain, T0, T0.plusSeconds(1), Set.of(), Optional.empty(), Set.of(), Optional.empty(),
            Optional.of("shared@sender.test"), Optional.empty(), Optional.empty(), false, 10))).containsExactly(mine);
    }
}
