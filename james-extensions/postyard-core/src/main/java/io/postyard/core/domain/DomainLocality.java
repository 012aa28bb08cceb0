package io.postyard.core.domain;

import java.util.Set;

import javax.inject.Inject;
import javax.inject.Provider;

import org.apache.james.core.Domain;

/**
 * Whether mail for a domain stays on this server. An account's domain is local once the account proved it owns the
 * domain (its MX points here, or the account's ownership token is published), or when the operator trusts it or runs
 * it for a provider; until then, mail sent to it from here leaves through normal delivery, so that registering a
 * domain does not capture the mail other accounts send to it. Domains James knows that no account registered (added by
 * the operator through WebAdmin, OMA alias domains, which are proved before they are added) are local as in James.
 */
public class DomainLocality {
    /**
     * James's own domain list, holding every domain users and rewrite rules may exist in. Everything else in James
     * sees only the local ones.
     */
    public static final String ALL_JAMES_DOMAINS = "postyard-all-james-domains";

    private final DomainStore store;
    private final DomainPolicy policy;
    private final Provider<Set<OperatedDomains>> operated;

    @Inject
    public DomainLocality(DomainStore store, DomainPolicy policy, Provider<Set<OperatedDomains>> operated) {
        this.store = store;
        this.policy = policy;
        this.operated = operated;
    }

    public boolean isLocal(Domain name) {
        return store.get(name).map(this::isLocal).orElse(true);
    }

    public boolean isLocal(MailDomain domain) {
        return policy.trusts(domain.name()) || isOperated(domain.name()) || domain.verification().ownershipProven();
    }

    /** A domain a provider module runs for every account (OmyPost's, openmail's, Temp Mail's): the operator's alone. */
    public boolean isOperated(Domain name) {
        return operated.get().stream().anyMatch(domains -> domains.operatedDomains().contains(name));
    }
}
