package io.postyard.mailgun.tag;

import java.time.Duration;
import java.time.Instant;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

import io.postyard.core.event.EventSubscriber;
import io.postyard.core.event.EventType;
import io.postyard.core.event.PostyardEvent;

/**
 * Feeds the tag store from accepted messages. A tag seen less than a minute after its last recorded sighting is not
 * written again, so a campaign of a million tagged messages costs a write a minute per tag, not a write per message;
 * its last-seen may therefore lag by up to that minute.
 */
public class TagRecorder implements EventSubscriber {
    static final Duration WRITE_INTERVAL = Duration.ofMinutes(1);

    private record Key(Domain domain, String tag) {
    }

    private final TagStore tags;
    private final Cache<Key, Instant> lastWritten = CacheBuilder.newBuilder().maximumSize(10_000).build();

    @Inject
    public TagRecorder(TagStore tags) {
        this.tags = tags;
    }

    @Override
    public void onEvent(PostyardEvent event) {
        if (event.type() != EventType.ACCEPTED) {
            return;
        }
        for (String tag : event.tags()) {
            Key key = new Key(event.domain(), tag);
            Instant previous = lastWritten.getIfPresent(key);
            if (previous == null || Duration.between(previous, event.timestamp()).abs().compareTo(WRITE_INTERVAL) >= 0) {
                tags.seen(event.domain(), tag, event.timestamp());
                lastWritten.put(key, event.timestamp());
            }
        }
    }

    /** A deleted tag must be written again at its next sighting. */
    public void forget(Domain domain, String tag) {
        lastWritten.invalidate(new Key(domain, tag));
    }

    public void forget(Domain domain) {
        lastWritten.asMap().keySet().removeIf(key -> key.domain().equals(domain));
    }
}
