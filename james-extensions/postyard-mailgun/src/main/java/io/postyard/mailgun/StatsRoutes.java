package io.postyard.mailgun;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import io.postyard.core.domain.DomainService;
import io.postyard.core.key.ApiKey;
import io.postyard.core.stats.StatsService;
import io.postyard.core.stats.StatsStore;
import io.postyard.http.ApiException;
import io.postyard.http.Json;
import io.postyard.http.QueryParams;
import spark.Request;
import spark.Service;

/**
 * {@code GET /v3/{domain}/stats/total}: the hourly counters rolled up to hours, days or months, with every bucket of
 * the range present, in the document's shape.
 */
class StatsRoutes {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.US)
        .withZone(ZoneOffset.UTC);
    private static final Set<String> EVENTS = Set.of("accepted", "delivered", "failed", "opened", "clicked", "unsubscribed",
        "complained", "stored");
    private static final int MAX_BUCKETS = 10_000;

    private final DomainService domains;
    private final StatsService stats;
    private final Clock clock;

    @Inject
    StatsRoutes(DomainService domains, StatsService stats, Clock clock) {
        this.domains = domains;
        this.stats = stats;
        this.clock = clock;
    }

    void define(Service service, String prefix) {
        service.get(prefix + "/v3/:domain/stats/total", Json.route((request, response) -> total(request)));
    }

    private Map<String, Object> total(Request request) {
        Domain name = MailgunDomainNames.fromPath(request.params("domain"));
        ApiKey key = MailgunAccess.requireDomain(request, name);
        Domain domain = domains.get(key.account(), name).orElseThrow(() -> ApiException.notFound("Domain not found")).name();
        Set<String> events = new LinkedHashSet<>();
        QueryParams.all(request).get("event").forEach(value -> {
            for (String event : value.split(",")) {
                String trimmed = event.trim().toLowerCase(Locale.ROOT);
                if (!EVENTS.contains(trimmed)) {
                    throw ApiException.validation("Unknown event '" + trimmed + "'", Map.of("field", "event"));
                }
                events.add(trimmed);
            }
        });
        if (events.isEmpty()) {
            throw ApiException.validation("Missing parameter 'event'", Map.of("field", "event"));
        }
        ChronoUnit resolution = switch (QueryParams.string(request, "resolution").orElse("day").toLowerCase(Locale.ROOT)) {
            case "hour" -> ChronoUnit.HOURS;
            case "day" -> ChronoUnit.DAYS;
            case "month" -> ChronoUnit.MONTHS;
            default -> throw ApiException.validation("'resolution' must be hour, day or month", Map.of("field", "resolution"));
        };
        Instant now = clock.instant();
        Instant end = QueryParams.string(request, "end").map(value -> time(value, "end")).orElse(now);
        Instant start = QueryParams.string(request, "start").map(value -> time(value, "start")).orElse(end.minus(Duration.ofDays(7)));
        if (!start.isBefore(end)) {
            throw ApiException.validation("'start' must be before 'end'", Map.of("field", "start"));
        }
        List<Instant> buckets = buckets(start, end, resolution);
        Instant from = buckets.get(0);
        TreeMap<Instant, Map<String, Long>> byBucket = new TreeMap<>();
        buckets.forEach(bucket -> byBucket.put(bucket, new LinkedHashMap<>()));
        for (Map.Entry<StatsStore.CounterKey, Long> counter : stats.read(domain, from, end).entrySet()) {
            Map.Entry<Instant, Map<String, Long>> bucket = byBucket.floorEntry(counter.getKey().hour());
            if (bucket != null) {
                bucket.getValue().merge(counter.getKey().counter(), counter.getValue(), Long::sum);
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        byBucket.forEach((bucket, counters) -> rows.add(row(bucket, counters, events)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("end", TIME.format(end));
        body.put("resolution", resolution == ChronoUnit.HOURS ? "hour" : resolution == ChronoUnit.DAYS ? "day" : "month");
        body.put("start", TIME.format(from));
        body.put("stats", rows);
        return body;
    }

    private static Map<String, Object> row(Instant bucket, Map<String, Long> counters, Set<String> events) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (String event : events) {
            row.put(event, switch (event) {
                case "accepted" -> counts(counters, "accepted", "incoming", "outgoing", "total");
                case "delivered" -> counts(counters, "delivered", "http", "smtp", "total");
                case "failed" -> {
                    Map<String, Object> failed = new LinkedHashMap<>();
                    failed.put("permanent", counts(counters, "failed.permanent", "bounce", "delayed-bounce", "suppress-bounce",
                        "suppress-complaint", "suppress-unsubscribe", "total"));
                    failed.put("temporary", counts(counters, "failed.temporary", "espblock"));
                    yield failed;
                }
                default -> counts(counters, event, "total");
            });
        }
        row.put("time", TIME.format(bucket));
        return row;
    }

    private static Map<String, Object> counts(Map<String, Long> counters, String prefix, String... names) {
        Map<String, Object> view = new LinkedHashMap<>();
        for (String name : names) {
            view.put(name, counters.getOrDefault(prefix + "." + name, 0L));
        }
        return view;
    }

    /**
     * Buckets follow the calendar, except the first: it begins at the requested start (to the hour, or to the day for
     * day and month resolution), as in the document's example, so nothing before the start is counted.
     */
    private static List<Instant> buckets(Instant start, Instant end, ChronoUnit resolution) {
        List<Instant> buckets = new ArrayList<>();
        ChronoUnit firstUnit = resolution == ChronoUnit.HOURS ? ChronoUnit.HOURS : ChronoUnit.DAYS;
        for (Instant bucket = start.atZone(ZoneOffset.UTC).truncatedTo(firstUnit).toInstant(); bucket.isBefore(end);
             bucket = next(bucket, resolution)) {
            buckets.add(bucket);
            if (buckets.size() > MAX_BUCKETS) {
                throw ApiException.validation("The range holds too many buckets at this resolution", Map.of("field", "resolution"));
            }
        }
        return buckets;
    }

    private static Instant next(Instant bucket, ChronoUnit resolution) {
        ZonedDateTime time = bucket.atZone(ZoneOffset.UTC);
        return switch (resolution) {
            case HOURS -> time.plusHours(1).toInstant();
            case DAYS -> time.plusDays(1).toInstant();
            default -> time.withDayOfMonth(1).plusMonths(1).toInstant();
        };
    }

    private static Instant time(String value, String field) {
        try {
            return SuppressionRequests.parseDate(value);
        } catch (ApiException e) {
            throw ApiException.validation("'" + field + "' must be an RFC 2822 date or a UNIX timestamp", Map.of("field", field));
        }
    }
}
