package io.postyard.tempmail;

import java.util.Locale;
import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import io.postyard.core.account.AccountId;
import io.postyard.http.ApiException;
import io.postyard.http.Authenticated;
import io.postyard.http.ErrorRenderer;
import io.postyard.http.Json;
import io.postyard.http.ProviderApi;
import spark.Request;
import spark.Service;

/**
 * The Temp Mail (temp-mail.io v1) API under {@code /tempmail}: a client configured with
 * {@code http://host:8080/tempmail/v1} calls {@code /tempmail/v1/emails} and the rest unchanged.
 */
public class TempMailApi implements ProviderApi {
    public static final String PREFIX = "/tempmail";
    private static final String BASE = PREFIX + "/v1";

    private final TempMailAuthenticator authenticator;
    private final TempMailDomains domains;
    private final EmailsRoutes emails;
    private final MessagesRoutes messages;

    @Inject
    TempMailApi(TempMailAuthenticator authenticator, TempMailDomains domains, EmailsRoutes emails, MessagesRoutes messages) {
        this.authenticator = authenticator;
        this.domains = domains;
        this.emails = emails;
        this.messages = messages;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public String name() {
        return "Temp Mail";
    }

    @Override
    public ErrorRenderer errors() {
        return TempMailErrors.RENDERER;
    }

    @Override
    public void define(Service service) {
        service.before(PREFIX, authenticator::authenticate);
        service.before(PREFIX + "/*", authenticator::authenticate);
        service.get(BASE + "/domains", Json.route((request, response) -> Map.of("domains",
            domains.available(Authenticated.require(request).account()).stream()
                .map(domain -> Map.of("name", domain.name().asString(), "type", domain.type().asString())).toList())));
        service.put(BASE + "/domains/:name", Json.route((request, response) -> optIn(request)));
        service.delete(BASE + "/domains/:name", Json.route((request, response) -> optOut(request)));
        service.get(BASE + "/rate_limit", Json.route((request, response) -> authenticator.usage(request)));
        emails.define(service, BASE);
        messages.define(service, BASE);
    }

    /** Postyard's own: the custom domains a Temp Mail dashboard would let its user add. */
    private Map<String, Object> optIn(Request request) {
        AccountId account = Authenticated.require(request).account();
        Domain name = ownDomain(request, account);
        domains.optIn(account, name).ifPresent(reason -> {
            throw ApiException.validation(reason, Map.of("field", "name"));
        });
        return Map.of("name", name.asString(), "type", TempMailDomains.Type.CUSTOM.asString());
    }

    private Map<String, Object> optOut(Request request) {
        AccountId account = Authenticated.require(request).account();
        domains.optOut(account, ownDomain(request, account));
        return Map.of();
    }

    private Domain ownDomain(Request request, AccountId account) {
        Domain name;
        try {
            name = Domain.of(request.params("name").trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Domain not found");
        }
        if (!domains.isOwnDomain(account, name)) {
            throw ApiException.notFound("Domain " + name.asString() + " not found");
        }
        return name;
    }
}
