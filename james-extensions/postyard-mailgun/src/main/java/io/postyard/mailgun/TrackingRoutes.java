package io.postyard.mailgun;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.MailDomain;
import io.postyard.core.key.ApiKey;
import io.postyard.core.tracking.ClickTracking;
import io.postyard.core.tracking.TrackingSettings;
import io.postyard.http.ApiException;
import io.postyard.http.FormData;
import io.postyard.http.Json;
import spark.Request;
import spark.Service;

/** {@code /v3/domains/{domain}/tracking}: open, click and unsubscribe tracking of a domain. */
class TrackingRoutes {
    private static final String UPDATED = "Domain tracking settings have been updated";
    private static final int MAX_FOOTER = 10_000;

    private final DomainService domains;

    @Inject
    TrackingRoutes(DomainService domains) {
        this.domains = domains;
    }

    void define(Service service, String prefix) {
        String base = prefix + "/v3/domains/:domain/tracking";
        service.get(base, Json.route((request, response) -> Map.of("tracking", view(owned(request).tracking()))));
        service.put(base + "/open", Json.route((request, response) -> updateOpen(request)));
        service.put(base + "/click", Json.route((request, response) -> updateClick(request)));
        service.put(base + "/unsubscribe", Json.route((request, response) -> updateUnsubscribe(request)));
    }

    private Map<String, Object> updateOpen(Request request) {
        MailDomain domain = owned(request);
        boolean active = active(FormData.parse(request));
        TrackingSettings updated = domains.updateTracking(domain.account(), domain.name(), tracking -> tracking.withOpen(active)).tracking();
        return Map.of("message", UPDATED, "open", Map.of("active", updated.open()));
    }

    /** Answers {@code yes}/{@code no}/{@code htmlonly}, the values click tracking is set with. */
    private Map<String, Object> updateClick(Request request) {
        MailDomain domain = owned(request);
        String raw = FormData.parse(request).require("active").trim().toLowerCase(Locale.ROOT);
        ClickTracking click = raw.equals("htmlonly") ? ClickTracking.HTML_ONLY : (parseBoolean(raw) ? ClickTracking.ON : ClickTracking.OFF);
        TrackingSettings updated = domains.updateTracking(domain.account(), domain.name(), tracking -> tracking.withClick(click)).tracking();
        return Map.of("message", UPDATED, "click", Map.of("active", clickValue(updated.click())));
    }

    private Map<String, Object> updateUnsubscribe(Request request) {
        MailDomain domain = owned(request);
        FormData form = FormData.parse(request);
        boolean active = active(form);
        String html = footer(form, "html_footer", domain.tracking().unsubscribeHtmlFooter());
        String text = footer(form, "text_footer", domain.tracking().unsubscribeTextFooter());
        TrackingSettings updated = domains.updateTracking(domain.account(), domain.name(),
            tracking -> tracking.withUnsubscribe(active, html, text)).tracking();
        return Map.of("message", UPDATED, "unsubscribe", unsubscribeView(updated));
    }

    private static Map<String, Object> view(TrackingSettings tracking) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("click", Map.of("active", tracking.click() == ClickTracking.HTML_ONLY ? "htmlonly" : tracking.click().isActive()));
        view.put("open", Map.of("active", tracking.open()));
        view.put("unsubscribe", unsubscribeView(tracking));
        return view;
    }

    private static Map<String, Object> unsubscribeView(TrackingSettings tracking) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("active", tracking.unsubscribe());
        view.put("html_footer", tracking.unsubscribeHtmlFooter());
        view.put("text_footer", tracking.unsubscribeTextFooter());
        return view;
    }

    private static String clickValue(ClickTracking click) {
        return switch (click) {
            case ON -> "yes";
            case HTML_ONLY -> "htmlonly";
            case OFF -> "no";
        };
    }

    private static boolean active(FormData form) {
        return parseBoolean(form.require("active").trim().toLowerCase(Locale.ROOT));
    }

    private static boolean parseBoolean(String value) {
        return switch (value) {
            case "yes", "true", "on", "1" -> true;
            case "no", "false", "off", "0" -> false;
            default -> throw ApiException.validation("'active' must be yes, no, true or false", Map.of("field", "active"));
        };
    }

    private static String footer(FormData form, String field, String current) {
        String value = form.first(field).orElse(current);
        if (value.length() > MAX_FOOTER) {
            throw ApiException.validation("'" + field + "' must be at most " + MAX_FOOTER + " characters", Map.of("field", field));
        }
        return value;
    }

    private MailDomain owned(Request request) {
        ApiKey key = MailgunAccess.requirePrimary(request);
        Domain domain = MailgunDomainNames.fromPath(request.params("domain"));
        return domains.get(key.account(), domain).orElseThrow(() -> ApiException.notFound("Domain not found"));
    }
}
