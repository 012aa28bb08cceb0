package io.postyard.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.james.core.Domain;
import org.junit.jupiter.api.Test;

import io.postyard.core.account.AccountId;

class EventPublisherTest {
    private static final Domain DOMAIN = Domain.of("events.test");

    private final MemoryEventStore store = new MemoryEventStore();

    private PostyardEvent event(EventType type, Instant at, String recipient, List<String> tags) {
        return PostyardEvent.builder(type, AccountId.DEFAULT, DOMAIN)
            .timestamp(at)
            .recipient(recipient)
            .tags(tags)
            .build();
    }

    @Test
    void anEventIsStoredBeforeSubscribersSeeIt() {
        List<Boolean> storedWhenSeen = new ArrayList<>();
        EventPublisher publisher = new EventPublisher(store, Set.of(event -> storedWhenSeen.add(store.get(event.id()).isPresent())));

        publisher.publish(event(EventType.ACCEPTED, Instant.now(), "a@x.test", List.of()));

        assertThat(storedWhenSeen).containsExactly(true);
    }

    @Test
    void aFailingSubscriberDoesNotStopTheOthers() {
        List<EventId> seen = new ArrayList<>();
        Set<EventSubscriber> subscribers = new LinkedHashSet<>();
        subscribers.add(event -> {
            throw new IllegalStateException("boom");
        });
        subscribers.add(event -> seen.add(event.id()));
        EventPublisher publisher = new EventPublisher(store, subscribers);
        PostyardEvent event = event(EventType.DELIVERED, Instant.now(), "a@x.test", List.of());

        publisher.publish(event);

        assertThat(seen).containsExactly(event.id());
    }

    @Test
    void anEventPublishedTwiceReachesSubscribersOnce() {
        List<EventId> seen = new ArrayList<>();
        EventPublisher publisher = new EventPublisher(store, Set.of(event -> seen.add(event.id())));
        PostyardEvent event = event(EventType.OPENED, Instant.now(), "a@x.test", List.of());

        publisher.publish(event);
        publisher.publish(event);

        assertThat(seen).containsExactly(event.id());
    }

    @Test
    void appendingTheSameIdTwiceKeepsTheFirst() {
        PostyardEvent first = event(EventType.ACCEPTED, Instant.parse("2026-01-01T00:00:00Z"), "a@x.test", List.of());
        PostyardEvent replay = PostyardEvent.builder(EventType.DELIVERED, AccountId.DEFAULT, DOMAIN).id(first.id()).build();

        store.append(first);
        store.append(replay);

        assertThat(store.get(first.id())).contains(first);
    }

    @Test
    void queriesFilterByTimeTypeRecipientAndTagNewestFirst() {
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        store.append(event(EventType.ACCEPTED, base, "a@x.test", List.of("news")));
        store.append(event(EventType.DELIVERED, base.plusSeconds(10), "A@X.test", List.of("news")));
        store.append(event(EventType.DELIVERED, base.plusSeconds(20), "b@x.test", List.of("other")));
        store.append(event(EventType.DELIVERED, base.plusSeconds(3600), "a@x.test", List.of("news")));

        List<PostyardEvent> result = store.query(new EventQuery(DOMAIN, base, base.plusSeconds(60),
            Set.of(EventType.DELIVERED), Optional.of("a@x.test"), Set.of("news"), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), false, 10));

        assertThat(result).extracting(PostyardEvent::timestamp).containsExactly(base.plusSeconds(10));
    }

    @Test
    void aFailedEventNeedsASeverity() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                PostyardEvent.builder(EventType.FAILED, AccountId.DEFAULT, DOMAIN).build())
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(PostyardEvent.builder(EventType.FAILED, AccountId.DEFAULT, DOMAIN).severity(Severity.PERMANENT).build()
            .severity()).contains(Severity.PERMANENT);
    }
}
