package io.postyard.mailgun;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import spark.Request;
import spark.Service;

import io.postyard.core.domain.DomainAlreadyExistsException;
import io.postyard.core.domain.DomainNotFoundException;
import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.DomainState;
import io.postyard.core.domain.DomainVerifier;
import io.postyard.core.domain.MailDomain;
import io.postyard.core.domain.OperatedDomainException;
import io.postyard.core.key.ApiKey;
import io.postyard.http.ApiException;
import io.postyard.http.Authenticated;
import io.postyard.http.FormData;
import io.postyard.http.Json;
import io.postyard.http.QueryParams;
import io.postyard.mailgun.credential.CredentialService;
import io.postyard.mailgun.domain.MailgunDomainSettings;
import io.postyard.mailgun.domain.MailgunDomainSettingsStore;

/** {@code /v3/domains} and the {@code /v4/domains} paths current SDKs call. */
class DomainsRoutes {
    private static final String POSTMASTER = "postmaster";

    private final DomainService domains;
    private final CredentialService credentials;
    private final DomainDnsRecords dnsRecords;
    private final DomainVerifier verifier;
    private final MailgunDomainSettingsStore settings;

    @Inject
    DomainsRoutes(DomainService domains, CredentialService credentials, DomainDnsRecords dnsRecords,
                  DomainVerifier verifier, MailgunDomainSettingsStore settings) {
        this.domains = domains;
        this.credentials = credentials;
        this.dnsRecords = dnsRecords;
        this.verifier = verifier;
        this.settings = settings;
    }

    void define(Service service, String prefix) {
        for (String version : List.of("/v3", "/v4")) {
            String base = prefix + version + "/domains";
            service.get(base, Json.route((request, response) -> list(request)));
            String created = version.equals("/v3") ? "Domain has been created" : "Domain DNS records have been created";
            service.post(base, Json.route((request, response) -> create(request, created)));
            service.get(base + "/:domain", Json.route((request, response) -> get(request)));
            service.put(base + "/:domain", Json.route((request, response) -> update(request)));
            service.delete(base + "/:domain", Json.route((request, response) -> delete(request)));
            service.put(base + "/:domain/verify", Json.route((request, response) -> verify(request)));
        }
        service.patch(prefix + "/v3/:domain/disable", Json.route((request, response) -> disable(request)));
    }

    private ItemsView<DomainView> list(Request request) {
        ApiKey key = Authenticated.require(request);
        Paging paging = Paging.from(request);
        Optional<DomainState> state = QueryParams.string(request, "state")
            .map(value -> DomainState.parse(value)
                .orElseThrow(() -> ApiException.validation("Invalid state '" + value + "'", Map.of("field", "state"))));
        List<MailDomain> visible = domains.list(key.account(), state).stream()
            .filter(domain -> key.scope().allowsDomain(domain.name()))
            .toList();
        return new ItemsView<>(paging.apply(visible).stream().map(domain -> DomainView.summary(domain, settingsOf(domain.name())))
            .toList(), visible.size());
    }

    /** v3 and v4 answer with different messages, as Mailgun's do. */
    private DomainDetailView create(Request request, String message) {
        ApiKey key = MailgunAccess.requirePrimary(request);
        FormData form = FormData.parse(request);
        Domain name = MailgunDomainNames.parse(form.require("name"));
        boolean wildcard = form.bool("wildcard").orElse(false);
        Optional<String> smtpPassword = form.first("smtp_password").map(CredentialPasswords::validate);
        MailgunDomainSettings requested = DomainSettingsRequest.apply(form, name, MailgunDomainSettings.DEFAULT);
        MailDomain domain;
        try {
            domain = domains.create(key.account(), name, wildcard);
        } catch (DomainAlreadyExistsException e) {
            throw ApiException.badRequest("This domain name is already taken");
        }
        settings.put(name, requested);
        smtpPassword.ifPresent(password -> setPostmasterPassword(name, password));
        return detail(domain, message);
    }

    private DomainDetailView get(Request request) {
        Domain name = MailgunDomainNames.fromPath(request.params("domain"));
        ApiKey key = MailgunAccess.requireDomain(request, name);
        return detail(domains.get(key.account(), name).orElseThrow(() -> ApiException.notFound("Domain not found")));
    }

    /**
     * {@code PUT /v4/domains/{d}} (and v3): {@code wildcard} and {@code smtp_password} change how mail flows; the other
     * fields are kept and shown (see docs/api/mailgun.md). Fields not given keep their value.
     */
    private DomainDetailView update(Request request) {
        ApiKey key = MailgunAccess.requirePrimary(request);
        Domain name = MailgunDomainNames.fromPath(request.params("domain"));
        MailDomain domain = domains.get(key.account(), name).orElseThrow(() -> ApiException.notFound("Domain not found"));
        FormData form = FormData.parse(request);
        MailgunDomainSettings updated = DomainSettingsRequest.apply(form, name, settingsOf(name));
        Optional<Boolean> wildcard = form.bool("wildcard");
        Optional<String> smtpPassword = form.first("smtp_password").map(CredentialPasswords::validate);
        settings.put(name, updated);
        if (wildcard.isPresent()) {
            domain = domains.setWildcard(key.account(), name, wildcard.get());
        }
        smtpPassword.ifPresent(password -> setPostmasterPassword(name, password));
        return detail(domain, "Domain has been updated");
    }

    private DomainDetailView verify(Request request) {
        ApiKey key = MailgunAccess.requirePrimary(request);
        Domain name = MailgunDomainNames.fromPath(request.params("domain"));
        MailDomain domain = domains.get(key.account(), name).orElseThrow(() -> ApiException.notFound("Domain not found"));
        MailDomain checked = domains.recordVerification(key.account(), name, verifier.verify(domain, domains.dkimKey(name)));
        return detail(checked, checked.verification().sendingRecordsValid()
            ? "Domain DNS records have been updated"
            : "Domain DNS records have been updated; some records are not valid yet");
    }

    private DomainDetailView disable(Request request) {
        ApiKey key = MailgunAccess.requirePrimary(request);
        Domain name = MailgunDomainNames.fromPath(request.params("domain"));
        try {
            return detail(domains.disable(key.account(), name));
        } catch (DomainNotFoundException e) {
            throw ApiException.notFound("Domain not found");
        } catch (OperatedDomainException e) {
            throw ApiException.forbidden(e.getMessage());
        }
    }

    private MessageView delete(Request request) {
        ApiKey key = MailgunAccess.requirePrimary(request);
        Domain name = MailgunDomainNames.fromPath(request.params("domain"));
        try {
            domains.delete(key.account(), name);
        } catch (DomainNotFoundException e) {
            throw ApiException.notFound("Domain not found");
        } catch (OperatedDomainException e) {
            throw ApiException.forbidden(e.getMessage());
        }
        return new MessageView("Domain has been deleted");
    }

    private MailgunDomainSettings settingsOf(Domain name) {
        return settings.get(name).orElse(MailgunDomainSettings.DEFAULT);
    }

    /** An adopted domain may already have a postmaster; the password given here then replaces its own. */
    private void setPostmasterPassword(Domain domain, String password) {
        Username postmaster = Username.fromLocalPartWithDomain(POSTMASTER, domain);
        if (credentials.exists(postmaster)) {
            credentials.changePassword(postmaster, password);
        } else {
            credentials.create(postmaster, password);
        }
    }

    private DomainDetailView detail(MailDomain domain) {
        return detail(domain, null);
    }

    private DomainDetailView detail(MailDomain domain, String message) {
        return new DomainDetailView(DomainView.detail(domain, settingsOf(domain.name())), message, dnsRecords.receiving(domain),
            dnsRecords.sending(domain));
    }
}
