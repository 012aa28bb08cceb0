package io.postyard.mailgun.tag;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import javax.inject.Inject;
import javax.inject.Named;

import io.postyard.core.event.EventPages;
import io.postyard.core.event.EventQuery;
import io.postyard.core.event.EventStore;
import io.postyard.core.event.EventType;
import io.postyard.core.event.PostyardEvent;

/**
 * A tag's engagement per country, email provider or device, counted from its stored events. Providers are the
 * recipients' domains and devices come from the User-Agent of opens and clicks; Postyard has no GeoIP database, so
 * every country is {@code unknown}.
 */
public class TagAggregates {
    public enum Kind {
        COUNTRY("country", List.of("clicked", "complained", "opened", "unique_clicked", "unique_opened", "unsubscribed")),
        PROVIDER("provider", List.of("accepted", "clicked", "complained", "delivered", "opened", "unique_clicked",
            "unique_opened", "unsubscribed")),
        DEVICE("device", List.of("clicked", "complained", "opened", "unique_clicked", "unique_opened", "unsubscribed"));

        private final String key;
        private final List<String> metrics;

        Kind(String key, List<String> metrics) {
            this.key = key;
            this.metrics = metrics;
        }

        public String key() {
            return key;
        }

        /** {@code countries}, {@code providers}, {@code devices} (the path's plural) or the singular. */
        public static Optional<Kind> parse(String value) {
            String name = value.toLowerCase(Locale.ROOT);
            for (Kind kind : values()) {
                if (name.equals(kind.key) || name.equals(kind.key + "s") || (kind == COUNTRY && name.equals("countries"))) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    private static final int PAGE = 1_000;

    private final EventStore events;

    @Inject
    public TagAggregates(@Named(EventStore.RECORDS) EventStore events) {
        this.events = events;
    }

    /** Metric counts per group, groups in name order, every metric of the kind present; at most {@code maxEvents} read. */
    public Map<String, Map<String, Long>> aggregate(DomainTag tag, Kind kind, Instant begin, Instant end, long maxEvents) {
        Map<String, Map<String, Long>> groups = new TreeMap<>();
        Set<String> uniqueOpens = new HashSet<>();
        Set<String> uniqueClicks = new HashSet<>();
        EventQuery ofTag = new EventQuery(tag.domain(), begin, end, Set.of(), Optional.empty(), Set.of(tag.tag()),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), true, PAGE);
        EventPages.forEach(events, ofTag, maxEvents, page -> page.forEach(event -> {
            Optional<String> metric = metric(event.type());
            if (metric.isEmpty() || !kind.metrics.contains(metric.get())) {
                return;
            }
            Map<String, Long> counts = groups.computeIfAbsent(group(kind, event), ignored -> zeros(kind));
            counts.merge(metric.get(), 1L, Long::sum);
            String recipientOfMessage = event.messageId().orElse("") + "\n" + event.recipient().orElse("");
            if (event.type() == EventType.OPENED && uniqueOpens.add(recipientOfMessage)) {
                counts.merge("unique_opened", 1L, Long::sum);
            }
            if (event.type() == EventType.CLICKED && uniqueClicks.add(recipientOfMessage)) {
                counts.merge("unique_clicked", 1L, Long::sum);
            }
        }));
        return groups;
    }

    private static Optional<String> metric(EventType type) {
        return switch (type) {
            case ACCEPTED, DELIVERED, OPENED, CLICKED, COMPLAINED, UNSUBSCRIBED -> Optional.of(type.asString());
            default -> Optional.empty();
        };
    }

    private static String group(Kind kind, PostyardEvent event) {
        return switch (kind) {
            case COUNTRY -> "unknown";
            case PROVIDER -> event.recipient().filter(recipient -> recipient.contains("@"))
                .map(recipient -> recipient.substring(recipient.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT))
                .orElse("unknown");
            case DEVICE -> UserAgentDevices.deviceType(Optional.ofNullable(event.details().get("user-agent")));
        };
    }

    private static Map<String, Long> zeros(Kind kind) {
        Map<String, Long> counts = new LinkedHashMap<>();
        kind.metrics.forEach(metric -> counts.put(metric, 0L));
        return counts;
    }
}
