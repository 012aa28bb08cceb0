package io.postyard.mailgun;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postyard.core.account.AccountId;
import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.MailDomain;
import io.postyard.core.event.EventCursor;
import io.postyard.core.event.EventQuery;
import io.postyard.core.event.EventStore;
import io.postyard.core.event.EventType;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.stats.StatsResolution;
import io.postyard.http.ApiException;
import io.postyard.http.Json;
import io.postyard.http.JsonBody;
import io.postyard.mailgun.tag.DomainTag;
import io.postyard.mailgun.tag.TagRecorder;
import io.postyard.mailgun.tag.TagStore;
import spark.Request;
import spark.Service;

/**
 * Mailgun's v1 analytics, account-wide and for the primary key: {@code logs} (the events of every domain, merged in
 * time order, paged by an opaque token), {@code metrics} and {@code usage/metrics} ({@link MetricsReport}), and
 * {@code tags} (the tags of every domain, merged by name), as mailgun.js 14 calls them. Bodies are JSON; an empty
 * {@code start} or {@code end}, which mailgun.js sends when none was given, means the default.
 */
class AnalyticsRoutes {
    private static final Duration DEFAULT_LOGS_WINDOW = Duration.ofDays(1);
    private static final Duration DEFAULT_METRICS_WINDOW = Duration.ofDays(7);
    private static final int DEFAULT_LOGS_LIMIT = 100;
    private static final int MAX_LOGS_LIMIT = 1000;
    private static final int DEFAULT_METRICS_LIMIT = 1500;
    private static final Set<String> LOG_ATTRIBUTES = Set.of("domain", "recipient", "tag", "event", "message-id", "severity");
    private static final Set<String> METRIC_ATTRIBUTES = Set.of("domain", "tag", "recipient_domain");
    private static final Base64.Encoder TOKEN_ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final DomainService domains;
    private final EventStore events;
    private final MetricsReport metrics;
    private final TagStore tags;
    private final TagRecorder recorder;
    private final Clock clock;

    @Inject
    AnalyticsRoutes(DomainService domains, @Named(EventStore.RECORDS) EventStore events, MetricsReport metrics, TagStore tags,
                    TagRecorder recorder, Clock clock) {
        this.domains = domains;
        this.events = events;
        this.metrics = metrics;
        this.tags = tags;
        this.recorder = recorder;
        this.clock = clock;
    }

    void define(Service service, String prefix) {
        String base = prefix + "/v1/analytics";
        service.post(base + "/logs", Json.route((request, response) -> logs(request)));
        service.post(base + "/metrics", Json.route((request, response) -> metrics(request, MetricsReport.allMetrics(), false)));
        service.post(base + "/usage/metrics", Json.route((request, response) -> metrics(request, MetricsReport.USAGE_METRICS, true)));
        service.post(base + "/tags", Json.route((request, response) -> listTags(request)));
        service.put(base + "/tags", Json.route((request, response) -> describeTag(request)));
        service.delete(base + "/tags", Json.route((request, response) -> deleteTag(request)));
        service.get(base + "/tags/limits", Json.route((request, response) -> tagLimits(request)));
    }

    private Map<String, Object> logs(Request request) {
        AccountId account = MailgunAccess.requirePrimary(request).account();
        ObjectNode body = JsonBody.lenientObject(request);
        Instant end = time(body, "end").orElseGet(clock::instant);
        Instant start = time(body, "start").orElseGet(() -> duration(body).map(end::minus).orElse(end.minus(DEFAULT_LOGS_WINDOW)));
        if (!start.isBefore(end)) {
            throw ApiException.validation("'start' must be before 'end'", Map.of("field", "start"));
        }
        AnalyticsFilter filter = AnalyticsFilter.parse(body.get("filter"), LOG_ATTRIBUTES);
        JsonNode pagination = body.path("pagination");
        boolean ascending = pagination.path("sort").asText("timestamp:desc").toLowerCase(Locale.ROOT).endsWith(":asc");
        int limit = pagination.has("limit") ? pagination.path("limit").asInt(-1) : DEFAULT_LOGS_LIMIT;
        if (limit < 1 || limit > MAX_LOGS_LIMIT) {
            throw ApiException.validation("'pagination.limit' must be between 1 and " + MAX_LOGS_LIMIT, Map.of("field", "pagination"));
        }
        Optional<EventCursor> after = Optional.ofNullable(pagination.get("token")).map(JsonNode::asText)
            .filter(token -> !token.isBlank()).map(AnalyticsRoutes::cursor);
        Set<EventType> types = eventTypes(body, filter);
        Optional<String> recipient = filter.required("recipient").stream().findFirst();
        Optional<String> messageId = filter.required("message-id").stream().findFirst();
        List<PostyardEvent> merged = new ArrayList<>();
        for (Domain domain : scope(account, filter)) {
            EventQuery query = new EventQuery(domain, start, end, types, recipient, filter.required("tag"), Optional.empty(),
                messageId, Optional.empty(), after, ascending, limit);
            events.query(query).stream()
                .filter(event -> filter.allows("severity", event.severity().map(severity -> severity.asString()).orElse("")))
                .forEach(merged::add);
        }
        Comparator<PostyardEvent> order = ascending ? EventCursor.ORDER : EventCursor.ORDER.reversed();
        List<PostyardEvent> page = merged.stream().sorted(order).limit(limit).toList();
        Map<String, Object> paginationView = new LinkedHashMap<>();
        if (page.size() == limit) {
            paginationView.put("next", token(EventCursor.of(page.get(page.size() - 1))));
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("start", MetricsReport.TIME.format(start));
        response.put("end", MetricsReport.TIME.format(end));
        response.put("items", page.stream().map(AnalyticsRoutes::logItem).toList());
        response.put("pagination", paginationView);
        response.put("aggregates", Map.of());
        return response;
    }

    /** The events API's event-data, with the fields the logs API adds or writes differently. */
    private static Map<String, Object> logItem(PostyardEvent event) {
        Map<String, Object> item = new LinkedHashMap<>(MailgunEventData.of(event));
        item.remove("timestamp");
        item.put("@timestamp", event.timestamp().truncatedTo(ChronoUnit.MILLIS).toString());
        item.put("account", Map.of("id", event.account().value()));
        item.put("domain", Map.of("name", event.domain().asString()));
        item.put("user-variables", Json.write(event.userVariables()));
        return item;
    }

    private Map<String, Object> metrics(Request request, Set<String> allowedMetrics, boolean usage) {
        AccountId account = MailgunAccess.requirePrimary(request).account();
        ObjectNode body = JsonBody.lenientObject(request);
        StatsResolution resolution = switch (body.path("resolution").asText("day").toLowerCase(Locale.ROOT)) {
            case "hour" -> StatsResolution.HOUR;
            case "day", "" -> StatsResolution.DAY;
            case "month" -> StatsResolution.MONTH;
            default -> throw ApiException.validation("'resolution' attribute is invalid: use hour, day or month",
                Map.of("field", "resolution"));
        };
        Instant end = time(body, "end").orElseGet(clock::instant);
        Instant start = duration(body).map(end::minus).or(() -> time(body, "start")).orElse(end.minus(DEFAULT_METRICS_WINDOW));
        if (!start.isBefore(end)) {
            throw ApiException.validation("'start' must be before 'end'", Map.of("field", "start"));
        }
        List<String> dimensions = strings(body, "dimensions");
        List<String> names = strings(body, "metrics");
        MetricsReport.validate(dimensions, names, allowedMetrics);
        if (usage && dimensions.stream().anyMatch(dimension -> !dimension.equals("time"))) {
            throw ApiException.validation("Usage metrics have only the 'time' dimension", Map.of("field", "dimensions"));
        }
        AnalyticsFilter filter = AnalyticsFilter.parse(body.get("filter"), METRIC_ATTRIBUTES);
        MetricsReport.Question question = new MetricsReport.Question(start, end, resolution, dimensions, names,
            scope(account, filter), filter);
        List<MetricsReport.Row> rows = new ArrayList<>(metrics.rows(question));
        rows.sort(MetricsReport.byValues());
        JsonNode pagination = body.path("pagination");
        int skip = Math.max(0, pagination.path("skip").asInt(0));
        int limit = pagination.has("limit") ? pagination.path("limit").asInt(DEFAULT_METRICS_LIMIT) : DEFAULT_METRICS_LIMIT;
        if (limit < 1) {
            throw ApiException.validation("'pagination.limit' must be positive", Map.of("field", "pagination"));
        }
        Map<String, Object> paginationView = new LinkedHashMap<>();
        paginationView.put("sort", pagination.path("sort").asText(""));
        paginationView.put("skip", skip);
        paginationView.put("limit", limit);
        paginationView.put("total", rows.size());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("start", MetricsReport.TIME.format(resolution.firstBucket(start)));
        response.put("end", MetricsReport.TIME.format(end));
        response.put("resolution", resolution.name().toLowerCase(Locale.ROOT));
        Optional.ofNullable(body.get("duration")).map(JsonNode::asText).filter(value -> !value.isBlank())
            .ifPresent(value -> response.put("duration", value));
        response.put("dimensions", dimensions);
        response.put("pagination", paginationView);
        response.put("items", rows.stream().skip(skip).limit(limit).map(row -> item(dimensions, names, row)).toList());
        if (body.path("include_aggregates").asBoolean(false) || body.path("include_aggregates").asText("").equals("true")) {
            response.put("aggregates", Map.of("metrics", MetricsReport.metrics(names, MetricsReport.sum(rows))));
        }
        return response;
    }

    private static Map<String, Object> item(List<String> dimensions, List<String> names, MetricsReport.Row row) {
        List<Map<String, Object>> values = new ArrayList<>();
        for (int i = 0; i < dimensions.size(); i++) {
            String value = dimensions.get(i).equals("time")
                ? MetricsReport.TIME.format(Instant.parse(row.values().get(i)))
                : row.values().get(i);
            values.add(Map.of("dimension", dimensions.get(i), "value", value, "display_value", value));
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("dimensions", values);
        item.put("metrics", MetricsReport.metrics(names, row.counts()));
        return item;
    }

    /** Every tag of the account's domains, one entry per name with the widest range seen and a description. */
    private Map<String, Object> listTags(Request request) {
        AccountId account = MailgunAccess.requirePrimary(request).account();
        ObjectNode body = JsonBody.lenientObject(request);
        Optional<String> wanted = Optional.ofNullable(body.get("tag")).map(JsonNode::asText).filter(value -> !value.isBlank());
        Map<String, DomainTag> byName = new TreeMap<>();
        for (MailDomain domain : domains.list(account, Optional.empty())) {
            for (DomainTag tag : tags.after(domain.name(), Optional.empty(), TagsRoutes.MAX_LISTED)) {
                if (wanted.map(value -> tag.tag().contains(value)).orElse(true)) {
                    byName.merge(tag.tag(), tag, (left, right) -> left.seenAt(right.firstSeen()).seenAt(right.lastSeen())
                        .describedAs(left.description().isEmpty() ? right.description() : left.description()));
                }
            }
        }
        JsonNode pagination = body.path("pagination");
        int skip = Math.max(0, pagination.path("skip").asInt(0));
        int limit = Math.max(1, pagination.path("limit").asInt(100));
        List<DomainTag> sorted = byName.values().stream()
            .sorted(Comparator.comparing(DomainTag::lastSeen).reversed()).toList();
        Map<String, Object> paginationView = new LinkedHashMap<>();
        paginationView.put("sort", pagination.path("sort").asText("lastseen:desc"));
        paginationView.put("skip", skip);
        paginationView.put("limit", limit);
        paginationView.put("total", sorted.size());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("items", sorted.stream().skip(skip).limit(limit).map(tag -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("account_id", account.value());
            item.put("parent_account_id", account.value());
            item.put("tag", tag.tag());
            item.put("description", tag.description());
            item.put("first_seen", MailgunDates.rfc2822(tag.firstSeen()));
            item.put("last_seen", MailgunDates.rfc2822(tag.lastSeen()));
            item.put("metrics", Map.of());
            return item;
        }).toList());
        response.put("pagination", paginationView);
        return response;
    }

    private Map<String, Object> describeTag(Request request) {
        AccountId account = MailgunAccess.requirePrimary(request).account();
        ObjectNode body = JsonBody.lenientObject(request);
        String tag = requiredText(body, "tag");
        String description = Optional.ofNullable(body.get("description")).map(JsonNode::asText)
            .orElseThrow(() -> ApiException.validation("Missing parameter 'description'", Map.of("field", "description")));
        boolean found = false;
        for (MailDomain domain : domains.list(account, Optional.empty())) {
            found |= tags.describe(domain.name(), tag, description);
        }
        if (!found) {
            throw ApiException.notFound("Tag not found");
        }
        return Map.of("message", "Tag updated");
    }

    private Map<String, Object> deleteTag(Request request) {
        AccountId account = MailgunAccess.requirePrimary(request).account();
        String tag = requiredText(JsonBody.lenientObject(request), "tag");
        boolean found = false;
        for (MailDomain domain : domains.list(account, Optional.empty())) {
            found |= tags.delete(domain.name(), tag);
            recorder.forget(domain.name(), tag);
        }
        if (!found) {
            throw ApiException.notFound("Tag not found");
        }
        return Map.of("message", "Tag deleted");
    }

    private Map<String, Object> tagLimits(Request request) {
        AccountId account = MailgunAccess.requirePrimary(request).account();
        Set<String> names = new LinkedHashSet<>();
        domains.list(account, Optional.empty()).forEach(domain ->
            tags.after(domain.name(), Optional.empty(), TagsRoutes.MAX_LISTED).forEach(tag -> names.add(tag.tag())));
        int limit = TagsRoutes.MAX_LISTED;
        return Map.of("limit", limit, "count", names.size(), "limit_reached", names.size() >= limit);
    }

    /** The account's domains a {@code domain} predicate lets through. */
    private List<Domain> scope(AccountId account, AnalyticsFilter filter) {
        return domains.list(account, Optional.empty()).stream().map(MailDomain::name)
            .filter(domain -> filter.allows("domain", domain.asString()))
            .toList();
    }

    private static Set<EventType> eventTypes(ObjectNode body, AnalyticsFilter filter) {
        Set<String> names = new LinkedHashSet<>(strings(body, "events"));
        names.addAll(filter.required("event"));
        return names.stream().map(name -> EventType.parse(name).orElseThrow(() ->
                ApiException.validation("Unknown event '" + name + "'", Map.of("field", "events"))))
            .collect(Collectors.toSet());
    }

    private static List<String> strings(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw ApiException.validation("'" + field + "' must be an array of strings", Map.of("field", field));
        }
        List<String> values = new ArrayList<>();
        node.forEach(value -> values.add(value.asText().trim().toLowerCase(Locale.ROOT)));
        return values;
    }

    private static String requiredText(ObjectNode body, String field) {
        return Optional.ofNullable(body.get(field)).map(JsonNode::asText).map(String::trim).filter(value -> !value.isEmpty())
            .orElseThrow(() -> ApiException.validation("Missing parameter '" + field + "'", Map.of("field", field)));
    }

    /** RFC 2822 (with {@code GMT}, {@code +0000} or {@code -0000}), ISO-8601 or epoch seconds; empty is absent. */
    private static Optional<Instant> time(ObjectNode body, String field) {
        Optional<String> value = Optional.ofNullable(body.get(field)).map(JsonNode::asText).map(String::trim)
            .filter(text -> !text.isEmpty());
        return value.map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                try {
                    return SuppressionRequests.parseDate(text);
                } catch (ApiException invalid) {
                    throw ApiException.validation("'" + field + "' must be an RFC 2822 date", Map.of("field", field));
                }
            }
        });
    }

    private static Optional<Duration> duration(ObjectNode body) {
        return Optional.ofNullable(body.get("duration")).map(JsonNode::asText).map(String::trim).filter(text -> !text.isEmpty())
            .map(MailgunDates::duration);
    }

    private static String token(EventCursor cursor) {
        ObjectNode token = Json.MAPPER.createObjectNode().put("t", cursor.timestamp().toString()).put("id", cursor.eventId());
        return TOKEN_ENCODER.encodeToString(Json.write(token).getBytes(StandardCharsets.UTF_8));
    }

    private static EventCursor cursor(String token) {
        try {
            JsonNode node = Json.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            return new EventCursor(Instant.parse(node.get("t").asText()), node.get("id").asText());
        } catch (IllegalArgumentException | JsonProcessingException | NullPointerException | java.time.DateTimeException e) {
            throw ApiException.validation("'pagination.token' is not a token this API gave", Map.of("field", "pagination"));
        }
    }
}
