package io.postyard.mailgun;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import io.postyard.core.domain.DomainService;
import io.postyard.core.key.ApiKey;
import io.postyard.core.stats.StatsBucket;
import io.postyard.core.stats.StatsResolution;
import io.postyard.core.stats.StatsService;
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
        StatsResolution resolution = switch (QueryParams.string(request, "resolution").orElse("day").toLowerCase(Locale.ROOT)) {
            case "hour" -> StatsResolution.HOUR;
            case "day" -> StatsResolution.DAY;
            case "month" -> StatsResolution.MONTH;
            default -> throw ApiException.validation("'resolution' must be hour, day or month", Map.of("field", "resolution"));
        };
        Instant now = clock.instant();
        Instant end = QueryParams.string(request, "end").map(value -> time(value, "end")).orElse(now);
        Instant start = QueryParams.string(request, "start").map(value -> time(value, "start")).orElse(end.minus(Duration.ofDays(7)));
        if (!start.isBefore(end)) {
            throw ApiException.validation("'start' must be before 'end'", Map.of("field", "start"));
        }
        List<StatsBucket> buckets;
        try {
            buckets = stats.rollUp(domain, start, end, resolution);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("The range holds too many buckets at this resolution", Map.of("field", "resolution"));
        }
        List<Map<String, Object>> rows = buckets.stream().map(bucket -> row(bucket, events)).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("end", TIME.format(end));
        body.put("resolution", resolution.name().toLowerCase(Locale.ROOT));
        body.put("start", TIME.format(buckets.get(0).start()));
        body.put("stats", rows);
        return body;
    }

    private static Map<String, Object> row(StatsBucket bucket, Set<String> events) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (String event : events) {
            row.put(event, switch (event) {
                case "accepted" -> counts(bucket, "accepted", "incoming", "outgoing", "total");
                case "delivered" -> counts(bucket, "delivered", "http", "smtp", "total");
                case "failed" -> {
                    Map<String, Object> failed = new LinkedHashMap<>();
                    failed.put("permanent", counts(bucket, "failed.permanent", "bounce", "delayed-bounce", "suppress-bounce",
                        "suppress-complaint", "suppress-unsubscribe", "total"));
                    failed.put("temporary", counts(bucket, "failed.temporary", "espblock"));
                    yield failed;
                }
                default -> counts(bucket, event, "total");
            });
        }
        row.put("time", TIME.format(bucket.start()));
        return row;
    }

    private static Map<String, Object> counts(StatsBucket bucket, String prefix, String... names) {
        Map<String, Object> view = new LinkedHashMap<>();
        for (String name : names) {
            view.put(name, bucket.count(prefix + "." + name));
        }
        return view;
    }


    private static Instant time(String value, String field) {
        try {
            return SuppressionRequests.parseDate(value);
        } catch (ApiException e) {
            throw ApiException.validation("'" + field + "' must be an RFC 2822 date or a UNIX timestamp", Map.of("field", field));
        }
    }
}
