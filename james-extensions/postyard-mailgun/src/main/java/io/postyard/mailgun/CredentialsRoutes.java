package io.postyard.mailgun;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;

import spark.Request;
import spark.Service;

import io.postyard.http.ApiException;
import io.postyard.http.FormData;
import io.postyard.http.Json;
import io.postyard.mailgun.credential.CredentialAlreadyExistsException;
import io.postyard.mailgun.credential.CredentialNotFoundException;
import io.postyard.mailgun.credential.CredentialService;
import io.postyard.mailgun.credential.SmtpCredential;

/** {@code /v3/domains/{domain}/credentials}: SMTP, IMAP and POP3 logins of a domain. Primary key only. */
class CredentialsRoutes {
    private final OwnedDomains domains;
    private final CredentialService credentials;

    @Inject
    CredentialsRoutes(OwnedDomains domains, CredentialService credentials) {
        this.domains = domains;
        this.credentials = credentials;
    }

    void define(Service service, String prefix) {
        String base = prefix + "/v3/domains/:domain/credentials";
        service.get(base, Json.route((request, response) -> list(request)));
        service.post(base, Json.route((request, response) -> create(request)));
        service.put(base + "/:login", Json.route((request, response) -> update(request)));
        service.delete(base + "/:login", Json.route((request, response) -> delete(request)));
        service.delete(base, Json.route((request, response) -> deleteAll(request)));
    }

    private ItemsView<CredentialView> list(Request request) {
        Domain domain = domains.ofPrimaryKey(request);
        Paging paging = Paging.from(request);
        List<SmtpCredential> all = credentials.list(domain);
        return new ItemsView<>(paging.apply(all).stream().map(CredentialView::of).toList(), all.size());
    }

    private CredentialCreatedView create(Request request) {
        Domain domain = domains.ofPrimaryKey(request);
        FormData form = FormData.parse(request);
        Username login = login(form.require("login"), domain);
        String password = CredentialPasswords.validate(form.require("password"));
        SmtpCredential created;
        try {
            created = credentials.create(login, password);
        } catch (CredentialAlreadyExistsException e) {
            throw ApiException.badRequest("Credentials " + login.asString() + " already exist");
        }
        String at = MailgunDates.plain(created.createdAt().orElseGet(Instant::now));
        return new CredentialCreatedView(at, "Created 1 credentials pair", null, at, login.asString());
    }

    private MessageView update(Request request) {
        Domain domain = domains.ofPrimaryKey(request);
        Username login = existingLogin(request.params("login"), domain);
        FormData form = FormData.parse(request);
        String password = CredentialPasswords.validate(form.require("password"));
        try {
            credentials.changePassword(login, password);
        } catch (CredentialNotFoundException e) {
            throw ApiException.notFound("Credentials not found");
        }
        return new MessageView("Credentials updated");
    }

    private MessageView delete(Request request) {
        Domain domain = domains.ofPrimaryKey(request);
        Username login = existingLogin(request.params("login"), domain);
        try {
            credentials.delete(login);
        } catch (CredentialNotFoundException e) {
            throw ApiException.notFound("Credentials not found");
        }
        return new MessageView("Credentials (1) deleted");
    }

    private Map<String, Object> deleteAll(Request request) {
        Domain domain = domains.ofPrimaryKey(request);
        int count = credentials.deleteAll(domain);
        return Map.of("message", "All domain credentials have been deleted", "count", count);
    }

    /** A login is a local part, or a full address in the URL's domain, as Mailgun accepts both. */
    static Username login(String raw, Domain domain) {
        if (raw.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.validation("Invalid login", Map.of("field", "login"));
        }
        String candidate = raw.trim().toLowerCase(Locale.ROOT);
        String address = candidate.contains("@") ? candidate : candidate + "@" + domain.asString();
        MailAddress mailAddress;
        try {
            mailAddress = new MailAddress(address);
        } catch (Exception e) {
            throw ApiException.validation("Invalid login", Map.of("field", "login"));
        }
        if (!mailAddress.getDomain().equals(domain)) {
            throw ApiException.validation("The login must belong to domain " + domain.asString(), Map.of("field", "login"));
        }
        return Username.fromMailAddress(mailAddress);
    }

    private Username existingLogin(String raw, Domain domain) {
        try {
            return login(raw, domain);
        } catch (ApiException e) {
            throw ApiException.notFound("Credentials not found");
        }
    }
}
