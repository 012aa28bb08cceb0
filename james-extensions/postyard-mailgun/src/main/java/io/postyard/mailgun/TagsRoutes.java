package io.postyard.mailgun;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import io.postyard.core.settings.PostyardSettings;
import io.postyard.http.ApiException;
import io.postyard.http.FormData;
import io.postyard.http.Json;
import io.postyard.http.QueryParams;
import io.postyard.mailgun.tag.DomainTag;
import io.postyard.mailgun.tag.TagAggregates;
import io.postyard.mailgun.tag.TagRecorder;
import io.postyard.mailgun.tag.TagStore;
import spark.Request;
import spark.Service;

/**
 * A domain's tags ({@code /v3/{domain}/tags/{tag}}, and the {@code /v3/{domain}/tag?tag=} form of the current
 * reference): listed in tag order with Mailgun's absolute paging links, described, deleted, and aggregated by country,
 * provider and device. Mailgun keeps at most 5,000 tags per domain; pages are cut from the first {@link #MAX_LISTED}.
 */
class TagsRoutes {
    static final int MAX_LISTED = 10_000;
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    private static final int MAX_TAG_LENGTH = 128;
    private static final int MAX_DESCRIPTION = 1024;
    private static final Duration AGGREGATE_WINDOW = Duration.ofDays(30);

    private final OwnedDomains domains;
    private final TagStore tags;
    private final TagRecorder recorder;
    private final TagAggregates aggregates;
    private final Clock clock;
    private final String publicUrl;

    @Inject
    TagsRoutes(OwnedDomains domains, TagStore tags, TagRecorder recorder, TagAggregates aggregates, Clock clock,
               PostyardSettings settings) {
        this.domains = domains;
        this.tags = tags;
        this.recorder = recorder;
        this.aggregates = aggregates;
        this.clock = clock;
        this.publicUrl = settings.publicUrl();
    }

    void define(Service service, String prefix) {
        service.get(prefix + "/v3/:domain/tags", Json.route((request, response) -> list(request)));
        for (String one : List.of(prefix + "/v3/:domain/tags/:tag", prefix + "/v3/:domain/tag")) {
            service.get(one, Json.route((request, response) -> get(request)));
            service.put(one, Json.route((request, response) -> update(request)));
            service.delete(one, Json.route((request, response) -> delete(request)));
        }
        service.get(prefix + "/v3/:domain/tags/:tag/stats/aggregates/:kind", Json.route((request, response) -> aggregates(request)));
        service.get(prefix + "/v3/:domain/tag/stats/aggregates", Json.route((request, response) -> aggregates(request)));
    }

    /** The tag from the path, or from the {@code tag} parameter on the {@code /tag} form. */
    static String tagOf(Request request) {
        String tag = Optional.ofNullable(request.params("tag"))
            .or(() -> QueryParams.string(request, "tag"))
            .or(() -> FormData.parse(request).firstNonBlank("tag"))
            .map(String::trim)
            .filter(value -> !value.isEmpty())
            .orElseThrow(() -> ApiException.validation("Missing parameter 'tag'", Map.of("field", "tag")));
        if (tag.length() > MAX_TAG_LENGTH || !tag.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw ApiException.notFound("Tag not found");
        }
        return tag;
    }

    private Map<String, Object> list(Request request) {
        Domain domain = domains.readable(request);
        int limit = QueryParams.integer(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        String page = QueryParams.string(request, "page").orElse("first").toLowerCase(Locale.ROOT);
        Optional<String> pivot = QueryParams.string(request, "tag");
        Optional<String> tagPrefix = QueryParams.string(request, "prefix");
        List<DomainTag> all = tags.after(domain, Optional.empty(), MAX_LISTED).stream()
            .filter(tag -> tagPrefix.map(tag.tag()::startsWith).orElse(true))
            .toList();
        List<DomainTag> items = switch (page) {
            case "first" -> all.stream().limit(limit).toList();
            case "last" -> all.subList(Math.max(0, all.size() - limit), all.size());
            case "next" -> all.stream().filter(tag -> pivot.map(value -> tag.tag().compareTo(value) > 0).orElse(true))
                .limit(limit).toList();
            case "prev", "previous" -> {
                List<DomainTag> before = all.stream().filter(tag -> pivot.map(value -> tag.tag().compareTo(value) < 0).orElse(false))
                    .toList();
                yield before.subList(Math.max(0, before.size() - limit), before.size());
            }
            default -> throw ApiException.validation("Parameter 'page' must be first, last, next or prev", Map.of("field", "page"));
        };
        String base = publicUrl + MailgunApi.PREFIX + "/v3/" + domain.asString() + "/tags?limit=" + limit
            + tagPrefix.map(value -> "&prefix=" + encode(value)).orElse("");
        Map<String, Object> paging = new LinkedHashMap<>();
        paging.put("previous", base + "&page=prev&tag=" + (items.isEmpty() ? "" : encode(items.get(0).tag())));
        paging.put("first", base + "&page=first&tag=");
        paging.put("next", base + "&page=next&tag=" + (items.isEmpty() ? "" : encode(items.get(items.size() - 1).tag())));
        paging.put("last", base + "&page=last&tag=");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items.stream().map(TagsRoutes::view).toList());
        body.put("paging", paging);
        return body;
    }

    private Map<String, Object> get(Request request) {
        Domain domain = domains.readable(request);
        return view(existing(domain, tagOf(request)));
    }

    private Map<String, Object> update(Request request) {
        Domain domain = domains.ofPrimaryKey(request);
        String tag = tagOf(request);
        String description = FormData.parse(request).first("description")
            .or(() -> QueryParams.string(request, "description"))
            .orElseThrow(() -> ApiException.validation("Missing parameter 'description'", Map.of("field", "description")));
        if (description.length() > MAX_DESCRIPTION || description.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
            throw ApiException.validation("'description' must be at most " + MAX_DESCRIPTION + " characters without control characters",
                Map.of("field", "description"));
        }
        if (!tags.describe(domain, tag, description)) {
            throw ApiException.notFound("Tag not found");
        }
        return Map.of("message", "Tag updated");
    }

    /** The tag goes from the list; its events stay, as Mailgun keeps a deleted tag's statistics. */
    private Map<String, Object> delete(Request request) {
        Domain domain = domains.ofPrimaryKey(request);
        String tag = tagOf(request);
        if (!tags.delete(domain, tag)) {
            throw ApiException.notFound("Tag not found");
        }
        recorder.forget(domain, tag);
        return Map.of("message", "Tag deleted");
    }

    private Map<String, Object> aggregates(Request request) {
        Domain domain = domains.readable(request);
        DomainTag tag = existing(domain, tagOf(request));
        String kindName = Optional.ofNullable(request.params("kind")).or(() -> QueryParams.string(request, "type"))
            .orElseThrow(() -> ApiException.validation("Missing parameter 'type'", Map.of("field", "type")));
        TagAggregates.Kind kind = TagAggregates.Kind.parse(kindName)
            .orElseThrow(() -> ApiException.notFound("Unknown aggregate '" + kindName + "'"));
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(kind.key(), aggregates.aggregate(tag, kind, now.minus(AGGREGATE_WINDOW), now.plusSeconds(1), StatsRoutes.MAX_TAG_EVENTS));
        body.put("tag", tag.tag());
        return body;
    }

    private DomainTag existing(Domain domain, String tag) {
        return tags.get(domain, tag).orElseThrow(() -> ApiException.notFound("Tag not found"));
    }

    static Map<String, Object> view(DomainTag tag) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("tag", tag.tag());
        view.put("description", tag.description());
        view.put("first-seen", tag.firstSeen().toString());
        view.put("last-seen", tag.lastSeen().toString());
        return view;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
