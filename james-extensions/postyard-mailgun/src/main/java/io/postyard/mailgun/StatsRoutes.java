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
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.MailDomain;
import io.postyard.core.event.EventQuery;
import io.postyard.core.key.ApiKey;
import io.postyard.core.stats.StatsBucket;
import io.postyard.core.stats.StatsResolution;
import io.postyard.core.stats.StatsService;
import io.postyard.http.ApiException;
import io.postyard.http.Json;
import io.postyard.http.QueryParams;
import io.postyard.mailgun.tag.DomainTag;
import io.postyard.mailgun.tag.TagStore;
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
    static final long MAX_TAG_EVENTS = 1_000_000;

    private final DomainService domains;
    private final OwnedDomains ownedDomains;
    private final StatsService stats;
    private final TagStore tags;
    private final Clock clock;

    @Inject
    StatsRoutes(DomainService domains, OwnedDomains ownedDomains, StatsService stats, TagStore tags, Clock clock) {
        this.domains = domains;
        this.ownedDomains = ownedDomains;
        this.stats = stats;
        this.tags = tags;
        this.clock = clock;
    }

    void define(Service service, String prefix) {
        service.get(prefix + "/v3/:domain/stats/total", Json.route((request, response) -> domainTotal(request)));
        service.get(prefix + "/v3/stats/total", Json.route((request, response) -> accountTotal(request)));
        service.get(prefix + "/v3/:domain/tags/:tag/stats", Json.route((request, response) -> tagTotal(request)));
        service.get(prefix + "/v3/:domain/tag/stats", Json.route((request, response) -> tagTotal(request)));
    }

    private Map<String, Object> domainTotal(Request request) {
        return total(request, List.of(ownedDomains.readable(request)));
    }

    /** Every domain of the primary key's account, summed: what {@code stats.getAccount} of the SDKs reads. */
    private Map<String, Object> accountTotal(Request request) {
        ApiKey key = MailgunAccess.requirePrimary(request);
        return total(request, domains.list(key.account(), Optional.empty()).stream().map(MailDomain::name).toList());
    }

    private Map<String, Object> total(Request request, List<Domain> scope) {
        Range range = range(request);
        return body(range, buckets(() -> stats.rollUp(scope, range.start(), range.end(), range.resolution())));
    }

    /**
     * {@code GET /v3/{domain}/tags/{tag}/stats} (and {@code /v3/{domain}/tag/stats?tag=}): no counters are kept per
     * tag, so these are counted from the tag's stored events, at most {@link #MAX_TAG_EVENTS} of them.
     */
    private Map<String, Object> tagTotal(Request request) {
        Domain domain = ownedDomains.readable(request);
        DomainTag tag = tags.get(domain, TagsRoutes.tagOf(request)).orElseThrow(() -> ApiException.notFound("Tag not found"));
        Range range = range(request);
        EventQuery ofTag = new EventQuery(domain, range.start(), range.end(), Set.of(), Optional.empty(), Set.of(tag.tag()),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), true, 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tag", tag.tag());
        body.put("description", tag.description());
        body.putAll(body(range, buckets(() -> stats.rollUpEvents(ofTag, range.resolution(), MAX_TAG_EVENTS))));
        return body;
    }

    private record Range(Set<String> events, StatsResolution resolution, Instant start, Instant end) {
    }

    private Range range(Request request) {
        Set<String> events = events(request);
        StatsResolution resolution = resolution(request);
        Instant now = clock.instant();
        Instant end = QueryParams.string(request, "end").map(value -> time(value, "end")).orElse(now);
        Instant start = QueryParams.string(request, "start").map(value -> time(value, "start"))
            .orElseGet(() -> QueryParams.string(request, "duration").map(value -> end.minus(MailgunDates.duration(value)))
                .orElse(end.minus(Duration.ofDays(7))));
        if (!start.isBefore(end)) {
            throw ApiException.validation("'start' must be before 'end'", Map.of("field", "start"));
        }
        return new Range(events, resolution, start, end);
    }

    private static List<StatsBucket> buckets(Supplier<List<StatsBucket>> rollUp) {
        try {
            return rollUp.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("The range holds too many buckets at this resolution", Map.of("field", "resolution"));
        }
    }

    private static Map<String, Object> body(Range range, List<StatsBucket> buckets) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("end", TIME.format(range.end()));
        body.put("resolution", range.resolution().name().toLowerCase(Locale.ROOT));
        body.put("start", TIME.format(buckets.get(0).start()));
        body.put("stats", buckets.stream().map(bucket -> row(bucket, range.events())).toList());
        return body;
    }

    private static Set<String> events(Request request) {
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
        return events;
    }

    private static StatsResolution resolution(Request request) {
        return switch (QueryParams.string(request, "resolution").orElse("day").toLowerCase(Locale.ROOT)) {
            case "hour" -> StatsResolution.HOUR;
            case "day" -> StatsResolution.DAY;
            case "month" -> StatsResolution.MONTH;
            default -> throw ApiException.validation("'resolution' must be hour, day or month", Map.of("field", "resolution"));
        };
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
