package io.postyard.mailgun;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import io.postyard.core.domain.DomainService;
import io.postyard.core.key.ApiKey;
import io.postyard.http.ApiException;
import spark.Request;

/**
 * The {@code :domain} of a route that manages a domain (its credentials, suppressions, templates, webhooks): the
 * primary key's account must own a domain of that name, else 404, as if it did not exist; other keys get 403.
 */
class OwnedDomains {
    private final DomainService domains;

    @Inject
    OwnedDomains(DomainService domains) {
        this.domains = domains;
    }

    /** For reads a domain's sending key may make too (events, stats, tags). */
    Domain readable(Request request) {
        Domain domain = MailgunDomainNames.fromPath(request.params("domain"));
        ApiKey key = MailgunAccess.requireDomain(request, domain);
        return domains.get(key.account(), domain)
            .orElseThrow(() -> ApiException.notFound("Domain not found"))
            .name();
    }

    Domain ofPrimaryKey(Request request) {
        ApiKey key = MailgunAccess.requirePrimary(request);
        Domain domain = MailgunDomainNames.fromPath(request.params("domain"));
        return domains.get(key.account(), domain)
            .orElseThrow(() -> ApiException.notFound("Domain not found"))
            .name();
    }
}
