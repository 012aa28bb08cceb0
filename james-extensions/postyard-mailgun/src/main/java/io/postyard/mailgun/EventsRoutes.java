package io.postyard.mailgun;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postyard.core.event.EventCursor;
import io.postyard.core.event.EventQuery;
import io.postyard.core.event.EventStore;
import io.postyard.core.event.EventType;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.event.Severity;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.http.ApiException;
import io.postyard.http.Json;
import io.postyard.http.QueryParams;
import spark.Request;
import spark.Service;

/**
 * {@code GET /v3/{domain}/events}. Each page's {@code next} link carries the query and the position of its last
 * event, as an opaque token in the path, the way Mailgun pages events; an empty page means the end.
 */
class EventsRoutes {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 300;
    private static final Duration DEFAULT_WINDOW = Duration.ofDays(30);
    private static final Base64.Encoder TOKEN_ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final OwnedDomains domains;
    private final EventStore events;
    private final Clock clock;
    private final String publicUrl;

    @Inject
    EventsRoutes(OwnedDomains domains, EventStore events, Clock clock, PostyardSettings settings) {
        this.domains = domains;
        this.events = events;
        this.clock = clock;
        this.publicUrl = settings.publicUrl();
    }

    void define(Service service, String prefix) {
        service.get(prefix + "/v3/:domain/events", Json.route((request, response) -> firstPage(request)));
        service.get(prefix + "/v3/:domain/events/:page", Json.route((request, response) -> nextPage(request)));
    }

    private Map<String, Object> firstPage(Request request) {
        Domain domain = domains.readable(request);
        ObjectNode parameters = Json.MAPPER.createObjectNode();
        QueryParams.all(request).entries().forEach(entry -> parameters.put(entry.getKey(), entry.getValue()));
        return page(domain, parameters, Optional.empty());
    }

    private Map<String, Object> nextPage(Request request) {
        Domain domain = domains.readable(request);
        ObjectNode token = decode(request.params("page"));
        Optional<EventCursor> cursor = Optional.ofNullable(token.get("after"))
            .map(after -> new EventCursor(Instant.parse(after.get("t").asText()), after.get("id").asText()));
        return page(domain, (ObjectNode) token.get("q"), cursor);
    }

    private Map<String, Object> page(Domain domain, ObjectNode parameters, Optional<EventCursor> cursor) {
        EventQuery query = query(domain, parameters);
        EventQuery positioned = cursor.map(query::after).orElse(query);
        List<PostyardEvent> items = events.query(positioned);
        String base = publicUrl + MailgunApi.PREFIX + "/v3/" + domain.asString() + "/events/";
        Map<String, Object> paging = new LinkedHashMap<>();
        paging.put("first", base + encode(parameters, Optional.empty()));
        paging.put("last", base + encode(parameters, Optional.empty()));
        paging.put("next", base + encode(parameters, items.isEmpty() ? cursor : Optional.of(EventCursor.of(items.get(items.size() - 1)))));
        paging.put("previous", base + encode(parameters, Optional.empty()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items.stream().map(MailgunEventData::of).toList());
        body.put("paging", paging);
        return body;
    }

    /**
     * Mailgun's time range: with both bounds the order of {@code begin} and {@code end} gives the direction unless
     * {@code ascending} says otherwise; a lone {@code begin} is the lower end, or with {@code ascending=no} the upper
     * end from which the page walks back in time (without {@code ascending}, the lower end, newest first).
     */
    private EventQuery query(Domain domain, JsonNode parameters) {
        Optional<Boolean> ascendingParameter = text(parameters, "ascending")
            .map(value -> value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("true"));
        Instant now = clock.instant();
        Optional<Instant> beginParameter = text(parameters, "begin").map(value -> time(value, "begin"));
        Optional<Instant> endParameter = text(parameters, "end").map(value -> time(value, "end"));
        boolean ascending = ascendingParameter.orElseGet(() -> beginParameter.isPresent() && endParameter.isPresent()
            && !endParameter.get().isBefore(beginParameter.get()));
        Instant begin;
        Instant end;
        if (beginParameter.isPresent() && endParameter.isEmpty() && ascendingParameter.equals(Optional.of(false))) {
            begin = Instant.EPOCH;
            end = beginParameter.get();
        } else {
            begin = beginParameter.orElse(now.minus(DEFAULT_WINDOW));
            end = endParameter.orElse(now.plus(DEFAULT_WINDOW));
        }
        if (end.isBefore(begin)) {
            Instant swap = begin;
            begin = end;
            end = swap;
        }
        int limit = text(parameters, "limit").map(EventsRoutes::limit).orElse(DEFAULT_LIMIT);
        Set<EventType> types = alternatives(parameters, "event").stream()
            .map(value -> EventType.parse(value).orElseThrow(() ->
                ApiException.validation("Unknown event type '" + value + "'", Map.of("field", "event"))))
            .collect(Collectors.toSet());
        Optional<Severity> severity = text(parameters, "severity").map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "permanent" -> Severity.PERMANENT;
            case "temporary" -> Severity.TEMPORARY;
            default -> throw ApiException.validation("'severity' must be permanent or temporary", Map.of("field", "severity"));
        });
        return new EventQuery(domain, begin, end.plusNanos(1), types, text(parameters, "recipient"),
            Set.copyOf(alternatives(parameters, "tags")), text(parameters, "from"), text(parameters, "message-id").or(() -> text(parameters, "messageId")),
            severity, Optional.empty(), ascending, limit);
    }

    private static Optional<String> text(JsonNode parameters, String name) {
        return Optional.ofNullable(parameters.get(name)).map(JsonNode::asText).map(String::trim).filter(value -> !value.isEmpty());
    }

    /** Mailgun filter expressions: {@code delivered OR failed}. */
    private static List<String> alternatives(JsonNode parameters, String name) {
        return text(parameters, name)
            .map(value -> Arrays.stream(value.split("(?i)\\s+OR\\s+")).map(String::trim).filter(part -> !part.isEmpty()).toList())
            .orElse(List.of());
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.validation("'limit' must be between 1 and " + MAX_LIMIT, Map.of("field", "limit"));
    }

    private static Instant time(String value, String field) {
        try {
            return SuppressionRequests.parseDate(value);
        } catch (ApiException e) {
            throw ApiException.validation("'" + field + "' must be an RFC 2822 date or a UNIX timestamp", Map.of("field", field));
        }
    }

    private static String encode(ObjectNode parameters, Optional<EventCursor> after) {
        ObjectNode token = Json.MAPPER.createObjectNode();
        token.set("q", parameters);
        after.ifPresent(cursor -> token.putObject("after").put("t", cursor.timestamp().toString()).put("id", cursor.eventId()));
        return TOKEN_ENCODER.encodeToString(Json.write(token).getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode decode(String token) {
        try {
            JsonNode node = Json.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            if (node instanceof ObjectNode object && object.get("q") instanceof ObjectNode) {
                if (object.has("after")) {
                    Instant.parse(object.get("after").get("t").asText());
                    object.get("after").get("id").asText();
                }
                return object;
            }
        } catch (IllegalArgumentException | JsonProcessingException | NullPointerException | java.time.DateTimeException e) {
            // reported below
        }
        throw ApiException.notFound("Page not found");
    }
}
