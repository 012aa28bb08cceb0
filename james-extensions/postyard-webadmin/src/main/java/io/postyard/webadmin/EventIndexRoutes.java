package io.postyard.webadmin;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Domain;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.api.DomainListException;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;

import io.postyard.core.domain.DomainLocality;
import io.postyard.core.event.EventReindexer;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * {@code POST /postyard/events/reindex?domain=&begin=&end=}: writes stored events into the event index again, the
 * repair for events whose indexing failed and for a lost index. Without {@code domain}, every domain James hosts;
 * {@code begin} and {@code end} are ISO-8601 instants, by default from the first event to ten years ahead. Answers what
 * it read and what the index refused, per domain. Served where events are indexed (the cassandra profile) only.
 */
public class EventIndexRoutes implements Routes {
    public static final String BASE_PATH = "/postyard/events";

    private final EventReindexer reindexer;
    private final DomainList domainList;
    private final Clock clock;
    private final JsonTransformer jsonTransformer;

    @Inject
    public EventIndexRoutes(EventReindexer reindexer, @Named(DomainLocality.ALL_JAMES_DOMAINS) DomainList domainList, Clock clock, JsonTransformer jsonTransformer) {
        this.reindexer = reindexer;
        this.domainList = domainList;
        this.clock = clock;
        this.jsonTransformer = jsonTransformer;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.post(BASE_PATH + "/reindex", this::reindex, jsonTransformer);
    }

    private Map<String, Object> reindex(Request request, Response response) throws DomainListException {
        Instant begin = instant(request, "begin").orElse(Instant.EPOCH);
        Instant end = instant(request, "end").orElseGet(() -> clock.instant().plus(3650, ChronoUnit.DAYS));
        if (!end.isAfter(begin)) {
            throw badRequest("'end' must come after 'begin'");
        }
        List<Map<String, Object>> perDomain = new ArrayList<>();
        EventReindexer.Result total = new EventReindexer.Result(0, 0);
        for (Domain domain : domains(request)) {
            EventReindexer.Result result = reindexer.reindex(domain, begin, end);
            perDomain.add(view(Map.of("domain", domain.asString()), result));
            total = total.plus(result);
        }
        Map<String, Object> body = view(Map.of(), total);
        body.put("begin", begin.toString());
        body.put("end", end.toString());
        body.put("domains", perDomain);
        return body;
    }

    private List<Domain> domains(Request request) throws DomainListException {
        Optional<String> requested = Optional.ofNullable(request.queryParams("domain")).filter(value -> !value.isBlank());
        if (requested.isEmpty()) {
            return domainList.getDomains();
        }
        try {
            return List.of(Domain.of(requested.get()));
        } catch (IllegalArgumentException e) {
            throw badRequest("Invalid domain");
        }
    }

    private static Optional<Instant> instant(Request request, String name) {
        try {
            return Optional.ofNullable(request.queryParams(name)).filter(value -> !value.isBlank()).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw badRequest("'" + name + "' must be an ISO-8601 instant, such as 2026-05-01T00:00:00Z");
        }
    }

    private static Map<String, Object> view(Map<String, Object> first, EventReindexer.Result result) {
        Map<String, Object> view = new LinkedHashMap<>(first);
        view.put("events", result.events());
        view.put("failed", result.failed());
        return view;
    }

    private static spark.HaltException badRequest(String message) {
        return ErrorResponder.builder()
            .statusCode(HttpStatus.BAD_REQUEST_400)
            .type(ErrorResponder.ErrorType.INVALID_ARGUMENT)
            .message(message)
            .haltError();
    }
}
