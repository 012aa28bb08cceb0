package io.postyard.console;

import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;

import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.MailDomain;
import io.postyard.core.suppression.PageRequest;
import io.postyard.core.suppression.Suppression;
import io.postyard.core.suppression.SuppressionPage;
import io.postyard.core.suppression.SuppressionService;
import io.postyard.core.suppression.SuppressionType;
import io.postyard.core.suppression.WhitelistKind;
import io.postyard.http.ApiException;
import io.postyard.http.FormData;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The four suppression lists of a domain (bounces, complaints, unsubscribes, whitelists): a page at a time from an
 * address on, add, remove, and the whole list as CSV.
 */
class SuppressionPages {
    private static final int PAGE_SIZE = 50;
    private static final int EXPORT_PAGE = 1000;

    private final DomainService domains;
    private final SuppressionService suppressions;
    private final Templates templates;
    private final Clock clock;

    @Inject
    SuppressionPages(DomainService domains, SuppressionService suppressions, Templates templates, Clock clock) {
        this.domains = domains;
        this.suppressions = suppressions;
        this.templates = templates;
        this.clock = clock;
    }

    void define(Service service) {
        String base = ConsoleApi.PREFIX + "/suppressions";
        service.get(base, (request, response) -> page(request, response, Optional.empty()));
        service.post(base, this::add);
        service.post(base + "/remove", this::remove);
        service.get(base + "/export.csv", this::export);
    }

    private Object page(Request request, Response response, Optional<String> error) {
        ConsoleSession session = ConsoleAccess.session(request);
        List<MailDomain> owned = domains.list(session.account(), Optional.empty());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("domains", owned.stream().map(domain -> domain.name().asString()).toList());
        model.put("types", List.of("bounces", "complaints", "unsubscribes", "whitelists"));
        error.ifPresent(message -> model.put("error", message));
        Optional<MailDomain> domain = chosenDomain(request, owned);
        if (domain.isPresent()) {
            SuppressionType type = type(request);
            Optional<String> from = Optional.ofNullable(request.queryParams("from")).map(String::trim).filter(value -> !value.isEmpty());
            SuppressionPage page = suppressions.page(domain.get().name(), type, from
                .map(address -> new PageRequest(PageRequest.Position.NEXT, Optional.of(Suppression.keyOf(address)), PAGE_SIZE))
                .orElse(PageRequest.first(PAGE_SIZE)));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Suppression entry : page.items()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("value", entry.value());
                row.put("detail", entry.reason().or(entry::code).orElse(String.join(", ", entry.tags())));
                row.put("createdAt", entry.createdAt().toString());
                rows.add(row);
            }
            model.put("domain", domain.get().name().asString());
            model.put("type", type.asString());
            model.put("entries", rows);
            if (page.hasAfter() && !rows.isEmpty()) {
                model.put("next", page.items().get(page.items().size() - 1).value());
            }
        }
        response.type("text/html; charset=utf-8");
        return templates.page("suppressions", "Suppressions", Optional.of(session), model);
    }

    private Object add(Request request, Response response) {
        ConsoleSession session = ConsoleAccess.session(request);
        FormData form = FormData.parse(request);
        MailDomain domain = owned(session, form.first("domain").orElse(""));
        SuppressionType type = SuppressionType.parse(form.first("type").orElse("")).orElseThrow(() -> ApiException.badRequest("Unknown list"));
        String address = form.first("address").orElse("").trim();
        if (!isAddress(address) && !(type == SuppressionType.WHITELISTS && address.matches("[A-Za-z0-9.-]+\\.[A-Za-z]{2,63}"))) {
            response.status(400);
            return page(request, response, Optional.of("'" + address + "' is not an address"));
        }
        suppressions.add(new Suppression(domain.name(), type, address, Optional.empty(),
            Optional.of("Added in the console"), type == SuppressionType.UNSUBSCRIBES ? List.of(Suppression.ALL_TAGS) : List.of(),
            type == SuppressionType.WHITELISTS ? Optional.of(isAddress(address) ? WhitelistKind.ADDRESS
                : WhitelistKind.DOMAIN) : Optional.empty(), clock.instant()));
        response.redirect(listUrl(domain, type));
        return "";
    }

    private Object remove(Request request, Response response) {
        ConsoleSession session = ConsoleAccess.session(request);
        FormData form = FormData.parse(request);
        MailDomain domain = owned(session, form.first("domain").orElse(""));
        SuppressionType type = SuppressionType.parse(form.first("type").orElse("")).orElseThrow(() -> ApiException.badRequest("Unknown list"));
        suppressions.delete(domain.name(), type, form.first("address").orElse(""));
        response.redirect(listUrl(domain, type));
        return "";
    }

    private Object export(Request request, Response response) {
        ConsoleSession session = ConsoleAccess.session(request);
        MailDomain domain = chosenDomain(request, domains.list(session.account(), Optional.empty()))
            .orElseThrow(() -> ApiException.notFound("Domain not found"));
        SuppressionType type = type(request);
        StringWriter csv = new StringWriter();
        csv.append("address,detail,created_at\r\n");
        PageRequest next = PageRequest.first(EXPORT_PAGE);
        while (true) {
            SuppressionPage page = suppressions.page(domain.name(), type, next);
            for (Suppression entry : page.items()) {
                csv.append(cell(entry.value())).append(',')
                    .append(cell(entry.reason().or(entry::code).orElse(String.join(" ", entry.tags())))).append(',')
                    .append(entry.createdAt().toString()).append("\r\n");
            }
            if (!page.hasAfter() || page.items().isEmpty()) {
                break;
            }
            next = new PageRequest(PageRequest.Position.NEXT, Optional.of(page.items().get(page.items().size() - 1).key()), EXPORT_PAGE);
        }
        response.type("text/csv; charset=utf-8");
        response.header("Content-Disposition", "attachment; filename=\"" + domain.name().asString() + "-" + type.asString() + ".csv\"");
        return csv.toString();
    }

    /** A spreadsheet reads a cell starting with = + - @ as a formula: such cells are quoted with a leading apostrophe. */
    private static String cell(String value) {
        String safe = value.matches("^[=+\\-@\\t\\r].*") ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private Optional<MailDomain> chosenDomain(Request request, List<MailDomain> owned) {
        Optional<String> wanted = Optional.ofNullable(request.queryParams("domain")).map(name -> name.trim().toLowerCase(Locale.ROOT));
        return wanted.isPresent()
            ? owned.stream().filter(domain -> domain.name().asString().equals(wanted.get())).findFirst()
            : owned.stream().findFirst();
    }

    private MailDomain owned(ConsoleSession session, String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return domains.list(session.account(), Optional.empty()).stream()
            .filter(domain -> domain.name().asString().equals(wanted))
            .findFirst()
            .orElseThrow(() -> ApiException.notFound("Domain not found"));
    }

    private static SuppressionType type(Request request) {
        return Optional.ofNullable(request.queryParams("type")).flatMap(SuppressionType::parse).orElse(SuppressionType.BOUNCES);
    }

    private static String listUrl(MailDomain domain, SuppressionType type) {
        return ConsoleApi.PREFIX + "/suppressions?domain=" + domain.name().asString() + "&type=" + type.asString();
    }

    private static boolean isAddress(String value) {
        try {
            new MailAddress(value);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
