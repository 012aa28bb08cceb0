package io.postyard.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.MailDomain;
import io.postyard.core.event.DeliveryStatus;
import io.postyard.core.event.EventQuery;
import io.postyard.core.event.EventStore;
import io.postyard.core.event.EventType;
import io.postyard.core.event.MessageSummary;
import io.postyard.core.event.PostyardEvent;
import io.postyard.http.ApiException;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * A domain's events, newest first, filtered by type, recipient, tag and time; and a message's story: every event of
 * one Message-ID in order (accepted, then delivered or failed with the receiving server's answer, opened, clicked...).
 */
class EventPages {
    private static final int LIMIT = 100;
    private static final Map<String, Duration> RANGES = ranges();
    private static final Duration STORY_RANGE = Duration.ofDays(90);

    private final DomainService domains;
    private final EventStore events;
    private final Templates templates;
    private final Clock clock;

    @Inject
    EventPages(DomainService domains, EventStore events, Templates templates, Clock clock) {
        this.domains = domains;
        this.events = events;
        this.templates = templates;
        this.clock = clock;
    }

    private static Map<String, Duration> ranges() {
        Map<String, Duration> ranges = new LinkedHashMap<>();
        ranges.put("1h", Duration.ofHours(1));
        ranges.put("24h", Duration.ofDays(1));
        ranges.put("7d", Duration.ofDays(7));
        ranges.put("30d", Duration.ofDays(30));
        return ranges;
    }

    void define(Service service) {
        service.get(ConsoleApi.PREFIX + "/events", this::list);
        service.get(ConsoleApi.PREFIX + "/events/story", this::story);
    }

    private Object list(Request request, Response response) {
        ConsoleSession session = ConsoleAccess.session(request);
        List<MailDomain> owned = domains.list(session.account(), Optional.empty());
        String range = Optional.ofNullable(request.queryParams("range")).filter(RANGES::containsKey).orElse("24h");
        Optional<EventType> type = Optional.ofNullable(request.queryParams("event")).flatMap(EventType::parse);
        Optional<String> recipient = nonBlank(request.queryParams("recipient"));
        Optional<String> tag = nonBlank(request.queryParams("tag"));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("domains", owned.stream().map(domain -> domain.name().asString()).toList());
        model.put("types", Arrays.stream(EventType.values()).map(EventType::asString).toList());
        model.put("ranges", List.copyOf(RANGES.keySet()));
        model.put("range", range);
        model.put("event", type.map(EventType::asString).orElse(""));
        model.put("recipient", recipient.orElse(""));
        model.put("tag", tag.orElse(""));
        chosen(request, owned).ifPresent(domain -> {
            Instant now = clock.instant();
            EventQuery query = new EventQuery(domain.name(), now.minus(RANGES.get(range)), now.plusSeconds(1),
                type.map(Set::of).orElse(Set.of()), recipient, tag.map(Set::of).orElse(Set.of()), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), false, LIMIT);
            model.put("domain", domain.name().asString());
            model.put("rows", events.query(query).stream().map(EventPages::row).toList());
        });
        response.type("text/html; charset=utf-8");
        return templates.page("events", "Events", Optional.of(session), model);
    }

    private Object story(Request request, Response response) {
        ConsoleSession session = ConsoleAccess.session(request);
        MailDomain domain = chosen(request, domains.list(session.account(), Optional.empty()))
            .orElseThrow(() -> ApiException.notFound("Domain not found"));
        String messageId = nonBlank(request.queryParams("message")).orElseThrow(() -> ApiException.badRequest("Which message?"));
        Instant now = clock.instant();
        List<PostyardEvent> story = events.query(new EventQuery(domain.name(), now.minus(STORY_RANGE), now.plusSeconds(1), Set.of(),
            Optional.empty(), Set.of(), Optional.empty(), Optional.of(messageId), Optional.empty(), Optional.empty(), true, 1000));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("domain", domain.name().asString());
        model.put("messageId", EventQuery.bareMessageId(messageId));
        story.stream().flatMap(event -> event.message().stream()).findFirst().ifPresent(summary -> {
            model.put("from", summary.from().orElse(""));
            model.put("subject", summary.subject().orElse(""));
        });
        List<Map<String, Object>> steps = new ArrayList<>();
        story.forEach(event -> steps.add(row(event)));
        model.put("steps", steps);
        response.type("text/html; charset=utf-8");
        return templates.page("story", "Message story", Optional.of(session), model);
    }

    private static Map<String, Object> row(PostyardEvent event) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("time", event.timestamp().toString());
        row.put("event", event.type().asString() + event.severity().map(severity -> " (" + severity.asString() + ")").orElse(""));
        row.put("recipient", event.recipient().orElse(""));
        row.put("messageId", event.messageId().map(EventQuery::bareMessageId).orElse(""));
        row.put("subject", event.message().flatMap(MessageSummary::subject).orElse(""));
        row.put("tags", String.join(", ", event.tags()));
        row.put("detail", detail(event));
        return row;
    }

    /** The answer of the receiving server, the reason of a failure, the link clicked. */
    private static String detail(PostyardEvent event) {
        Optional<String> answer = event.deliveryStatus().map(EventPages::answer);
        Optional<String> url = Optional.ofNullable(event.details().get("url"));
        return answer.or(() -> event.reason()).or(() -> url).orElse("");
    }

    private static String answer(DeliveryStatus status) {
        return (status.code().map(code -> code + " ").orElse("") + status.enhancedCode().map(code -> code + " ").orElse("")
            + status.message()).trim() + status.mxHost().map(host -> " (" + host + ")").orElse("");
    }

    private static Optional<MailDomain> chosen(Request request, List<MailDomain> owned) {
        Optional<String> wanted = nonBlank(request.queryParams("domain")).map(name -> name.toLowerCase(Locale.ROOT));
        return wanted.isPresent()
            ? owned.stream().filter(domain -> domain.name().asString().equals(wanted.get())).findFirst()
            : owned.stream().findFirst();
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::trim).filter(text -> !text.isEmpty());
    }
}
