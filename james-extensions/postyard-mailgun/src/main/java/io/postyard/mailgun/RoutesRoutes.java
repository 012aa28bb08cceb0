package io.postyard.mailgun;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javax.inject.Inject;

import io.postyard.core.account.AccountId;
import io.postyard.http.ApiException;
import io.postyard.http.FormData;
import io.postyard.http.Json;
import io.postyard.http.QueryParams;
import io.postyard.mailgun.route.InvalidRouteException;
import io.postyard.mailgun.route.MailgunRoute;
import io.postyard.mailgun.route.RouteService;
import spark.Request;
import spark.Service;

/**
 * {@code /v3/routes}: an account's inbound routes, as Mailgun documents them (account-wide, primary key only). The
 * route only translates: checking expressions and actions is {@link RouteService}'s.
 */
class RoutesRoutes {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    private static final int MAX_DESCRIPTION = 4096;

    private final RouteService routes;

    @Inject
    RoutesRoutes(RouteService routes) {
        this.routes = routes;
    }

    void define(Service service, String prefix) {
        String base = prefix + "/v3/routes";
        service.get(base, Json.route((request, response) -> list(request)));
        service.post(base, Json.route((request, response) -> create(request)));
        service.get(base + "/match", Json.route((request, response) -> match(request)));
        service.get(base + "/:id", Json.route((request, response) -> Map.of("route", view(existing(request)))));
        service.put(base + "/:id", Json.route((request, response) -> update(request)));
        service.delete(base + "/:id", Json.route((request, response) -> delete(request)));
    }

    private Map<String, Object> list(Request request) {
        AccountId account = MailgunAccess.requirePrimary(request).account();
        int limit = QueryParams.integer(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int skip = QueryParams.integer(request, "skip", 0, 0, Integer.MAX_VALUE);
        List<MailgunRoute> all = routes.list(account);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total_count", all.size());
        body.put("items", all.stream().skip(skip).limit(limit).map(RoutesRoutes::view).toList());
        return body;
    }

    private Map<String, Object> create(Request request) {
        AccountId account = MailgunAccess.requirePrimary(request).account();
        MailgunRoute created = checked(() -> routes.create(account, changes(FormData.parse(request))));
        return Map.of("message", "Route has been created", "route", view(created));
    }

    /** Mailgun answers an update with the route's fields at the top level, and a message. */
    private Map<String, Object> update(Request request) {
        AccountId account = MailgunAccess.requirePrimary(request).account();
        String id = request.params("id");
        MailgunRoute updated = checked(() -> routes.update(account, id, changes(FormData.parse(request))))
            .orElseThrow(RoutesRoutes::notFound);
        Map<String, Object> body = view(updated);
        body.put("message", "Route has been updated");
        return body;
    }

    private Map<String, Object> delete(Request request) {
        AccountId account = MailgunAccess.requirePrimary(request).account();
        String id = request.params("id");
        if (!routes.delete(account, id)) {
            throw notFound();
        }
        return Map.of("message", "Route has been deleted", "id", id);
    }

    private Map<String, Object> match(Request request) {
        AccountId account = MailgunAccess.requirePrimary(request).account();
        String address = QueryParams.string(request, "address")
            .orElseThrow(() -> ApiException.validation("Missing parameter 'address'", Map.of("field", "address")));
        return Map.of("route", view(routes.match(account, address).orElseThrow(RoutesRoutes::notFound)));
    }

    private MailgunRoute existing(Request request) {
        AccountId account = MailgunAccess.requirePrimary(request).account();
        return routes.get(account, request.params("id")).orElseThrow(RoutesRoutes::notFound);
    }

    private static RouteService.Changes changes(FormData form) {
        Optional<Integer> priority = form.firstNonBlank("priority").map(value -> {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw ApiException.validation("'priority' must be an integer", Map.of("field", "priority"));
            }
        });
        Optional<String> description = form.first("description").map(value -> {
            if (value.length() > MAX_DESCRIPTION || value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
                throw ApiException.validation("'description' must be at most " + MAX_DESCRIPTION
                    + " characters without control characters", Map.of("field", "description"));
            }
            return value;
        });
        List<String> actions = form.all("action").stream().filter(value -> !value.isBlank()).toList();
        return new RouteService.Changes(priority, description, form.firstNonBlank("expression"),
            actions.isEmpty() ? Optional.empty() : Optional.of(actions));
    }

    private static <T> T checked(Supplier<T> call) {
        try {
            return call.get();
        } catch (InvalidRouteException e) {
            throw ApiException.validation(e.getMessage(), Map.of("field", "expression"));
        }
    }

    private static ApiException notFound() {
        return ApiException.notFound("Route not found");
    }

    static Map<String, Object> view(MailgunRoute route) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("actions", route.actions());
        view.put("created_at", MailgunDates.rfc2822(route.createdAt()));
        view.put("description", route.description());
        view.put("expression", route.expression());
        view.put("id", route.id());
        view.put("priority", route.priority());
        return view;
    }
}
