package io.postyard.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import io.postyard.core.domain.DomainAlreadyExistsException;
import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.DomainState;
import io.postyard.core.domain.DomainVerifier;
import io.postyard.core.domain.ExpectedDnsRecord;
import io.postyard.core.domain.ExpectedDnsRecords;
import io.postyard.core.domain.MailDomain;
import io.postyard.core.domain.OperatedDomainException;
import io.postyard.http.ApiException;
import io.postyard.http.FormData;
import spark.Request;
import spark.Response;
import spark.Service;

/** The account's domains: list and create; a domain's DNS records to publish, a check of them now, disable and enable. */
class DomainPages {
    private static final String HOST_NAME = "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}";

    private final DomainService domains;
    private final DomainVerifier verifier;
    private final ExpectedDnsRecords records;
    private final Templates templates;

    @Inject
    DomainPages(DomainService domains, DomainVerifier verifier, ExpectedDnsRecords records, Templates templates) {
        this.domains = domains;
        this.verifier = verifier;
        this.records = records;
        this.templates = templates;
    }

    void define(Service service) {
        String base = ConsoleApi.PREFIX + "/domains";
        service.get(base, (request, response) -> list(request, response, Optional.empty()));
        service.post(base, this::create);
        service.get(base + "/:domain", (request, response) -> detail(request, response, Optional.empty()));
        service.post(base + "/:domain/verify", this::verify);
        service.post(base + "/:domain/disable", (request, response) -> changeState(request, response, false));
        service.post(base + "/:domain/enable", (request, response) -> changeState(request, response, true));
    }

    private Object list(Request request, Response response, Optional<String> error) {
        ConsoleSession session = ConsoleAccess.session(request);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MailDomain domain : domains.list(session.account(), Optional.empty())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", domain.name().asString());
            row.put("state", domain.state().asString());
            row.put("local", domains.isLocal(domain));
            row.put("createdAt", domain.createdAt().toString());
            rows.add(row);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("domains", rows);
        error.ifPresent(message -> model.put("error", message));
        response.type("text/html; charset=utf-8");
        return templates.page("domains", "Domains", Optional.of(session), model);
    }

    private Object create(Request request, Response response) {
        ConsoleSession session = ConsoleAccess.session(request);
        String name = FormData.parse(request).first("name").orElse("").trim().toLowerCase(Locale.ROOT);
        if (!name.matches(HOST_NAME)) {
            response.status(400);
            return list(request, response, Optional.of("'" + name + "' is not a domain name"));
        }
        try {
            domains.create(session.account(), Domain.of(name), false);
        } catch (DomainAlreadyExistsException | OperatedDomainException e) {
            response.status(400);
            return list(request, response, Optional.of("The domain " + name + " exists already"));
        }
        response.redirect(ConsoleApi.PREFIX + "/domains/" + name);
        return "";
    }

    private Object detail(Request request, Response response, Optional<String> notice) {
        ConsoleSession session = ConsoleAccess.session(request);
        MailDomain domain = owned(request, session);
        List<Map<String, Object>> published = new ArrayList<>();
        published.add(record(records.mx(domain), domain));
        published.add(record(records.ownership(session.account(), domain.name()), domain));
        records.sending(domain, domains.dkimKey(domain.name())).forEach(record -> published.add(record(record, domain)));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", domain.name().asString());
        model.put("state", domain.state().asString());
        model.put("disabled", domain.state() == DomainState.DISABLED);
        model.put("local", domains.isLocal(domain));
        model.put("checkedAt", domain.verification().checkedAt().map(Object::toString).orElse("never"));
        model.put("records", published);
        model.put("tracking", Map.of("opens", domain.tracking().open(), "clicks", domain.tracking().click().toString().toLowerCase(Locale.ROOT),
            "unsubscribes", domain.tracking().unsubscribe()));
        notice.ifPresent(message -> model.put("notice", message));
        response.type("text/html; charset=utf-8");
        return templates.page("domain", domain.name().asString(), Optional.of(session), model);
    }

    private static Map<String, Object> record(ExpectedDnsRecord record, MailDomain domain) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("purpose", record.kind().name());
        view.put("type", record.type());
        view.put("name", record.name());
        view.put("value", record.value());
        view.put("priority", record.priority().map(Object::toString).orElse(""));
        view.put("valid", domain.verification().checkedAt().isPresent() ? (domain.verification().isValid(record.kind()) ? "yes" : "no") : "not checked");
        return view;
    }

    private Object verify(Request request, Response response) {
        ConsoleSession session = ConsoleAccess.session(request);
        MailDomain domain = owned(request, session);
        domains.recordVerification(session.account(), domain.name(), verifier.verify(domain, domains.dkimKey(domain.name())));
        return detail(request, response, Optional.of("DNS records checked just now."));
    }

    private Object changeState(Request request, Response response, boolean enable) {
        ConsoleSession session = ConsoleAccess.session(request);
        MailDomain domain = owned(request, session);
        if (enable) {
            domains.enable(session.account(), domain.name());
        } else {
            domains.disable(session.account(), domain.name());
        }
        response.redirect(ConsoleApi.PREFIX + "/domains/" + domain.name().asString());
        return "";
    }

    private MailDomain owned(Request request, ConsoleSession session) {
        String name = request.params("domain").toLowerCase(Locale.ROOT);
        if (!name.matches(HOST_NAME)) {
            throw ApiException.notFound("Domain not found");
        }
        return domains.get(session.account(), Domain.of(name)).orElseThrow(() -> ApiException.notFound("Domain not found"));
    }
}
