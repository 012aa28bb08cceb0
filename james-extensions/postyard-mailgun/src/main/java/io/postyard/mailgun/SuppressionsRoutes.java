package io.postyard.mailgun;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.suppression.PageRequest;
import io.postyard.core.suppression.Suppression;
import io.postyard.core.suppression.SuppressionPage;
import io.postyard.core.suppression.SuppressionService;
import io.postyard.core.suppression.SuppressionType;
import io.postyard.http.ApiException;
import io.postyard.http.FilePart;
import io.postyard.http.FormData;
import io.postyard.http.Json;
import io.postyard.http.QueryParams;
import spark.Request;
import spark.Service;

/** {@code /v3/{domain}/bounces|complaints|unsubscribes|whitelists}. Primary key only, as the document says. */
class SuppressionsRoutes {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final int MAX_BULK = 1000;

    private final OwnedDomains domains;
    private final SuppressionService suppressions;
    private final SuppressionCsvImport csvImport;
    private final Clock clock;
    private final String publicUrl;

    @Inject
    SuppressionsRoutes(OwnedDomains domains, SuppressionService suppressions, SuppressionCsvImport csvImport,
                       Clock clock, PostyardSettings settings) {
        this.domains = domains;
        this.suppressions = suppressions;
        this.csvImport = csvImport;
        this.clock = clock;
        this.publicUrl = settings.publicUrl();
    }

    void define(Service service, String prefix) {
        for (SuppressionType type : SuppressionType.values()) {
            String base = prefix + "/v3/:domain/" + type.asString();
            service.get(base, Json.route((request, response) -> list(request, type)));
            service.post(base, Json.route((request, response) -> add(request, type)));
            service.post(base + "/import", Json.route((request, response) -> importCsv(request, type)));
            service.get(base + "/:address", Json.route((request, response) -> get(request, type)));
            service.delete(base + "/:address", Json.route((request, response) -> delete(request, type)));
            service.delete(base, Json.route((request, response) -> deleteAll(request, type)));
        }
    }

    private Map<String, Object> list(Request request, SuppressionType type) {
        Domain domain = domains.ofPrimaryKey(request);
        int limit = QueryParams.integer(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int skip = QueryParams.integer(request, "skip", 0, 0, Integer.MAX_VALUE);
        SuppressionPage page = skip > 0 && QueryParams.string(request, "page").isEmpty()
            ? suppressions.pageAtOffset(domain, type, skip, limit)
            : suppressions.page(domain, type, pageRequest(request, limit));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(SuppressionViews::item).toList());
        body.put("paging", SuppressionPagingLinks.of(listUrl(domain, type), page, limit));
        return body;
    }

    private static PageRequest pageRequest(Request request, int limit) {
        String page = QueryParams.string(request, "page").orElse("first").toLowerCase(Locale.ROOT);
        Optional<String> pivot = QueryParams.string(request, "address").map(Suppression::keyOf);
        PageRequest.Position position = switch (page) {
            case "first" -> PageRequest.Position.FIRST;
            case "last" -> PageRequest.Position.LAST;
            case "next" -> PageRequest.Position.NEXT;
            case "previous", "prev" -> PageRequest.Position.PREVIOUS;
            default -> throw ApiException.validation("Parameter 'page' must be first, last, next or previous",
                Map.of("field", "page"));
        };
        if ((position == PageRequest.Position.NEXT || position == PageRequest.Position.PREVIOUS) && pivot.isEmpty()) {
            throw ApiException.validation("Parameter 'address' is required with page=" + page, Map.of("field", "address"));
        }
        return new PageRequest(position, pivot, limit);
    }

    private Map<String, Object> add(Request request, SuppressionType type) {
        Domain domain = domains.ofPrimaryKey(request);
        Optional<List<FormData>> bulk = FormData.parseJsonArray(request);
        if (bulk.isPresent()) {
            return addAll(domain, type, bulk.get());
        }
        FormData form = FormData.parse(request);
        Suppression added = suppressions.add(SuppressionRequests.parse(domain, type, form::all, clock));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", SuppressionViews.added(type));
        if (type == SuppressionType.WHITELISTS) {
            body.put("type", added.whitelistKind().orElseThrow().asString());
            body.put("value", added.value());
        } else {
            body.put("address", added.value());
        }
        return body;
    }

    /** Every entry is checked before any is stored, so a bad element leaves the list untouched. */
    private Map<String, Object> addAll(Domain domain, SuppressionType type, List<FormData> elements) {
        if (elements.isEmpty() || elements.size() > MAX_BULK) {
            throw ApiException.validation("A bulk request holds 1 to " + MAX_BULK + " entries", Map.of("field", "items"));
        }
        List<Suppression> parsed = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            FormData element = elements.get(i);
            parsed.add(atIndex(i, () -> SuppressionRequests.parse(domain, type, element::all, clock)));
        }
        parsed.forEach(suppressions::add);
        return Map.of("message", SuppressionViews.addedMany(type, parsed.size()));
    }

    private static Suppression atIndex(int index, java.util.function.Supplier<Suppression> parse) {
        try {
            return parse.get();
        } catch (ApiException e) {
            throw ApiException.validation("Entry " + index + ": " + e.getMessage(), e.error().details());
        }
    }

    private Map<String, Object> importCsv(Request request, SuppressionType type) {
        Domain domain = domains.ofPrimaryKey(request);
        FormData form = FormData.parse(request);
        FilePart file = form.files("file").stream().findFirst()
            .orElseThrow(() -> ApiException.validation("Missing file 'file'", Map.of("field", "file")));
        int imported = csvImport.importCsv(domain, type, file.content());
        return Map.of("message", "file uploaded successfully", "imported", imported);
    }

    private Map<String, Object> get(Request request, SuppressionType type) {
        Domain domain = domains.ofPrimaryKey(request);
        return suppressions.get(domain, type, request.params("address"))
            .map(SuppressionViews::single)
            .orElseThrow(() -> ApiException.notFound(SuppressionViews.notFound(type)));
    }

    private Map<String, Object> delete(Request request, SuppressionType type) {
        Domain domain = domains.ofPrimaryKey(request);
        String value = request.params("address");
        Suppression existing = suppressions.get(domain, type, value)
            .orElseThrow(() -> ApiException.notFound(SuppressionViews.notFound(type)));
        Optional<String> tag = type == SuppressionType.UNSUBSCRIBES
            ? FormData.parse(request).firstNonBlank("tag")
            : Optional.empty();
        if (tag.isPresent()) {
            if (!suppressions.removeUnsubscribeTag(domain, value, tag.get().trim())) {
                throw ApiException.notFound(SuppressionViews.notFound(type));
            }
        } else {
            suppressions.delete(domain, type, value);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(type == SuppressionType.WHITELISTS ? "value" : "address", existing.value());
        body.put("message", SuppressionViews.removed(type));
        return body;
    }

    private Map<String, Object> deleteAll(Request request, SuppressionType type) {
        Domain domain = domains.ofPrimaryKey(request);
        suppressions.deleteAll(domain, type);
        return Map.of("message", SuppressionViews.removedAll(type));
    }

    private String listUrl(Domain domain, SuppressionType type) {
        return publicUrl + MailgunApi.PREFIX + "/v3/" + domain.asString() + "/" + type.asString();
    }
}
