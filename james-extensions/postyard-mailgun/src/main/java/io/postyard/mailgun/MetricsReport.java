package io.postyard.mailgun;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Domain;

import io.postyard.core.event.EventPages;
import io.postyard.core.event.EventQuery;
import io.postyard.core.event.EventStore;
import io.postyard.core.event.EventType;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.stats.StatsBucket;
import io.postyard.core.stats.StatsResolution;
import io.postyard.core.stats.StatsService;
import io.postyard.http.ApiException;

/**
 * Mailgun's v1 metrics, from the hourly counters when the question is by time and domain (the fast path), or counted
 * from the stored events when it needs what only they know: tags, recipient domains and unique opens and clicks (at
 * most {@link #MAX_EVENTS}). Rates are percentages with four decimals, as strings. Metrics Postyard has no notion of
 * (optimized delivery, ESP blocks of permanent failures, rate limits, webhooks) are always 0.
 */
class MetricsReport {
    static final long MAX_EVENTS = 1_000_000;
    static final Set<String> DIMENSIONS = Set.of("time", "domain", "tag", "recipient_domain");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    /** Counters summed for one row of dimension values, and who opened or clicked which message. */
    static final class Counts {
        private final Map<String, Long> counters = new HashMap<>();
        private final Set<String> openers = new HashSet<>();
        private final Set<String> clickers = new HashSet<>();

        long get(String counter) {
            return counters.getOrDefault(counter, 0L);
        }

        void add(Map<String, Long> more) {
            more.forEach((counter, count) -> counters.merge(counter, count, Long::sum));
        }

        void addAll(Counts other) {
            add(other.counters);
            openers.addAll(other.openers);
            clickers.addAll(other.clickers);
        }

        boolean isEmpty() {
            return counters.isEmpty();
        }
    }

    private static final Map<String, ToLongFunction<Counts>> COUNTS = counts();
    private static final Map<String, String[]> RATES = rates();
    private static final Set<String> NEEDS_EVENTS = Set.of("unique_opened_count", "unique_clicked_count",
        "unique_opened_rate", "unique_clicked_rate");

    private static Map<String, ToLongFunction<Counts>> counts() {
        Map<String, ToLongFunction<Counts>> counts = new LinkedHashMap<>();
        counts.put("accepted_count", c -> c.get("accepted.total"));
        counts.put("accepted_outgoing_count", c -> c.get("accepted.outgoing"));
        counts.put("accepted_incoming_count", c -> c.get("accepted.incoming"));
        counts.put("processed_count", c -> c.get("accepted.total"));
        counts.put("delivered_count", c -> c.get("delivered.total"));
        counts.put("delivered_smtp_count", c -> c.get("delivered.smtp"));
        counts.put("delivered_http_count", c -> c.get("delivered.http"));
        counts.put("delivered_optimized_count", c -> 0);
        counts.put("sent_count", c -> c.get("delivered.total") + c.get("failed.permanent.bounce") + c.get("failed.permanent.delayed-bounce"));
        counts.put("stored_count", c -> c.get("stored.total"));
        counts.put("opened_count", c -> c.get("opened.total"));
        counts.put("clicked_count", c -> c.get("clicked.total"));
        counts.put("unique_opened_count", c -> c.openers.size());
        counts.put("unique_clicked_count", c -> c.clickers.size());
        counts.put("unsubscribed_count", c -> c.get("unsubscribed.total"));
        counts.put("complained_count", c -> c.get("complained.total"));
        counts.put("failed_count", c -> c.get("failed.permanent.total") + c.get("failed.temporary.espblock"));
        counts.put("permanent_failed_count", c -> c.get("failed.permanent.total"));
        counts.put("temporary_failed_count", c -> c.get("failed.temporary.espblock"));
        counts.put("temporary_failed_esp_block_count", c -> c.get("failed.temporary.espblock"));
        counts.put("permanent_failed_esp_block_count", c -> 0);
        counts.put("permanent_failed_optimized_count", c -> 0);
        counts.put("permanent_failed_old_count", c -> 0);
        counts.put("rate_limit_count", c -> 0);
        counts.put("webhook_count", c -> 0);
        counts.put("esp_block_count", c -> c.get("failed.temporary.espblock"));
        counts.put("bounced_count", c -> c.get("failed.permanent.bounce") + c.get("failed.permanent.delayed-bounce"));
        counts.put("hard_bounces_count", c -> c.get("failed.permanent.bounce"));
        counts.put("soft_bounces_count", c -> c.get("failed.temporary.espblock"));
        counts.put("delayed_bounce_count", c -> c.get("failed.permanent.delayed-bounce"));
        counts.put("suppressed_bounces_count", c -> c.get("failed.permanent.suppress-bounce"));
        counts.put("suppressed_unsubscribed_count", c -> c.get("failed.permanent.suppress-unsubscribe"));
        counts.put("suppressed_complaints_count", c -> c.get("failed.permanent.suppress-complaint"));
        return counts;
    }

    /** Each rate as numerator and denominator counts. */
    private static Map<String, String[]> rates() {
        Map<String, String[]> rates = new LinkedHashMap<>();
        rates.put("delivered_rate", new String[] {"delivered_count", "sent_count"});
        rates.put("opened_rate", new String[] {"opened_count", "delivered_count"});
        rates.put("clicked_rate", new String[] {"clicked_count", "delivered_count"});
        rates.put("unique_opened_rate", new String[] {"unique_opened_count", "delivered_count"});
        rates.put("unique_clicked_rate", new String[] {"unique_clicked_count", "delivered_count"});
        rates.put("unsubscribed_rate", new String[] {"unsubscribed_count", "delivered_count"});
        rates.put("complained_rate", new String[] {"complained_count", "delivered_count"});
        rates.put("bounce_rate", new String[] {"bounced_count", "sent_count"});
        rates.put("hard_bounce_rate", new String[] {"hard_bounces_count", "sent_count"});
        rates.put("soft_bounce_rate", new String[] {"soft_bounces_count", "sent_count"});
        rates.put("fail_rate", new String[] {"failed_count", "accepted_outgoing_count"});
        rates.put("permanent_fail_rate", new String[] {"permanent_failed_count", "accepted_outgoing_count"});
        rates.put("temporary_fail_rate", new String[] {"temporary_failed_count", "accepted_outgoing_count"});
        rates.put("delayed_rate", new String[] {"delayed_bounce_count", "accepted_outgoing_count"});
        return rates;
    }

    /**
     * What {@code /v1/analytics/usage/metrics} serves: messages processed, and the usage of products Postyard does
     * not meter (validations, previews, seed tests, blocklist monitoring), always 0.
     */
    static final Set<String> USAGE_METRICS = Set.of("processed_count", "email_validation_count",
        "email_validation_public_count", "email_validation_valid_count", "email_validation_single_count",
        "email_validation_bulk_count", "email_validation_list_count", "email_validation_mailgun_count",
        "email_validation_mailjet_count", "email_preview_count", "email_preview_failed_count", "link_validation_count",
        "link_validation_failed_count", "seed_test_count", "ip_blocklist_monitoring_count", "domain_blocklist_monitoring_count");

    record Question(Instant start, Instant end, StatsResolution resolution, List<String> dimensions, List<String> metrics,
                    List<Domain> domains, AnalyticsFilter filter) {
    }

    record Row(List<String> values, Counts counts) {
    }

    private final StatsService stats;
    private final EventStore events;

    @Inject
    MetricsReport(StatsService stats, @Named(EventStore.RECORDS) EventStore events) {
        this.stats = stats;
        this.events = events;
    }

    /** One row per combination of dimension values that has data; a time value is the bucket's ISO instant. */
    List<Row> rows(Question question) {
        Map<List<String>, Counts> rows = new LinkedHashMap<>();
        if (needsEvents(question)) {
            fromEvents(question, rows);
        } else {
            fromCounters(question, rows);
        }
        return rows.entrySet().stream().filter(row -> !row.getValue().isEmpty())
            .map(row -> new Row(row.getKey(), row.getValue())).toList();
    }

    private static boolean needsEvents(Question question) {
        return question.dimensions().contains("tag") || question.dimensions().contains("recipient_domain")
            || question.filter().constrains("tag") || question.filter().constrains("recipient_domain")
            || question.metrics().stream().anyMatch(NEEDS_EVENTS::contains);
    }

    private void fromCounters(Question question, Map<List<String>, Counts> rows) {
        for (Domain domain : question.domains()) {
            for (StatsBucket bucket : stats.rollUp(domain, question.start(), question.end(), question.resolution())) {
                rows.computeIfAbsent(key(question, bucket.start(), domain, "", ""), ignored -> new Counts()).add(bucket.counters());
            }
        }
    }

    private void fromEvents(Question question, Map<List<String>, Counts> rows) {
        TreeSet<Instant> buckets = new TreeSet<>();
        for (Instant bucket = question.resolution().firstBucket(question.start()); bucket.isBefore(question.end());
             bucket = question.resolution().next(bucket)) {
            buckets.add(bucket);
        }
        if (buckets.isEmpty()) {
            return;
        }
        long[] budget = {MAX_EVENTS};
        for (Domain domain : question.domains()) {
            EventQuery inRange = new EventQuery(domain, buckets.first(), question.end(), Set.of(), Optional.empty(),
                question.filter().required("tag"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), true, 1_000);
            budget[0] -= EventPages.forEach(events, inRange, budget[0], page -> page.forEach(event ->
                addEvent(question, rows, buckets.floor(event.timestamp()), event)));
            if (budget[0] <= 0) {
                return;
            }
        }
    }

    private static void addEvent(Question question, Map<List<String>, Counts> rows, Instant bucket, PostyardEvent event) {
        String recipientDomain = event.recipient().filter(recipient -> recipient.contains("@"))
            .map(recipient -> recipient.substring(recipient.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT)).orElse("");
        if (!question.filter().allows("recipient_domain", recipientDomain)) {
            return;
        }
        // An event passes a tag filter when one of its tags does (an untagged event is tested as the empty tag).
        List<String> passing = (event.tags().isEmpty() ? List.of("") : event.tags()).stream()
            .filter(tag -> question.filter().allows("tag", tag)).toList();
        if (passing.isEmpty()) {
            return;
        }
        // By tag, an event counts under each of its passing tags; an untagged one under none.
        List<String> tags = question.dimensions().contains("tag") ? passing.stream().filter(tag -> !tag.isEmpty()).toList()
            : List.of("");
        Map<String, Long> counters = new HashMap<>();
        StatsService.counters(event).forEach(counter -> counters.put(counter, 1L));
        String opener = event.messageId().orElse("") + "\n" + event.recipient().orElse("");
        for (String tag : tags) {
            Counts counts = rows.computeIfAbsent(key(question, bucket, event.domain(), tag, recipientDomain), ignored -> new Counts());
            counts.add(counters);
            if (event.type() == EventType.OPENED) {
                counts.openers.add(opener);
            } else if (event.type() == EventType.CLICKED) {
                counts.clickers.add(opener);
            }
        }
    }

    private static List<String> key(Question question, Instant bucket, Domain domain, String tag, String recipientDomain) {
        List<String> values = new ArrayList<>();
        for (String dimension : question.dimensions()) {
            values.add(switch (dimension) {
                case "time" -> bucket.toString();
                case "domain" -> domain.asString();
                case "tag" -> tag;
                default -> recipientDomain;
            });
        }
        return values;
    }

    /** The requested metrics of some counts: integers, and rates as percentage strings. */
    static Map<String, Object> metrics(List<String> names, Counts counts) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (String name : names) {
            if (COUNTS.containsKey(name)) {
                metrics.put(name, COUNTS.get(name).applyAsLong(counts));
            } else if (!RATES.containsKey(name)) {
                metrics.put(name, 0L);
            } else {
                String[] ratio = RATES.get(name);
                long denominator = COUNTS.get(ratio[1]).applyAsLong(counts);
                BigDecimal rate = denominator == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(COUNTS.get(ratio[0]).applyAsLong(counts) * 100).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
                metrics.put(name, rate.setScale(4, RoundingMode.HALF_UP).toPlainString());
            }
        }
        return metrics;
    }

    static Counts sum(List<Row> rows) {
        Counts all = new Counts();
        rows.forEach(row -> all.addAll(row.counts()));
        return all;
    }

    static void validate(List<String> dimensions, List<String> metrics, Set<String> allowedMetrics) {
        dimensions.stream().filter(dimension -> !DIMENSIONS.contains(dimension)).findFirst().ifPresent(dimension -> {
            throw ApiException.validation("'" + dimension + "' is not a valid dimension; use one of "
                + String.join(", ", new TreeSet<>(DIMENSIONS)), Map.of("field", "dimensions"));
        });
        if (metrics.isEmpty()) {
            throw ApiException.validation("'metrics' must name at least one metric", Map.of("field", "metrics"));
        }
        metrics.stream().filter(metric -> !allowedMetrics.contains(metric)).findFirst().ifPresent(metric -> {
            throw ApiException.validation("'" + metric + "' is not a valid metric", Map.of("field", "metrics"));
        });
    }

    static Set<String> allMetrics() {
        Set<String> all = new TreeSet<>(COUNTS.keySet());
        all.addAll(RATES.keySet());
        return all;
    }

    static Comparator<Row> byValues() {
        return (left, right) -> {
            for (int i = 0; i < left.values().size(); i++) {
                int compared = left.values().get(i).compareTo(right.values().get(i));
                if (compared != 0) {
                    return compared;
                }
            }
            return 0;
        };
    }
}
