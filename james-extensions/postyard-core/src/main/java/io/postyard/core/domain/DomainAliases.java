package io.postyard.core.domain;

import java.util.Set;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Domain;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.api.DomainListException;

import io.postyard.core.mailbox.MailRouting;

/**
 * Other names of a domain (OMA's alias domains): each is a James domain, so that James takes its mail, and a rewrite
 * rule sends that mail to the domain. With {@link DomainService}, the only code that changes James's domain list.
 */
public class DomainAliases {
    private final DomainList jamesDomains;
    private final MailRouting routing;

    @Inject
    public DomainAliases(@Named(DomainLocality.ALL_JAMES_DOMAINS) DomainList jamesDomains, MailRouting routing) {
        this.jamesDomains = jamesDomains;
        this.routing = routing;
    }

    /** From the aliases {@code existing} to the aliases {@code wanted}. */
    public void set(Domain domain, Set<Domain> wanted, Set<Domain> existing) {
        try {
            for (Domain alias : existing) {
                if (!wanted.contains(alias) && jamesDomains.containsDomain(alias)) {
                    jamesDomains.removeDomain(alias);
                }
            }
            for (Domain alias : wanted) {
                if (!jamesDomains.containsDomain(alias)) {
                    jamesDomains.addDomain(alias);
                }
            }
        } catch (DomainListException e) {
            throw new IllegalStateException("James refused an alias of " + domain.asString(), e);
        }
        routing.setDomainAliases(domain, wanted, existing);
    }

    /** Whether James knows the name already: a domain or an alias of one. */
    public boolean isKnown(Domain name) {
        try {
            return jamesDomains.containsDomain(name);
        } catch (DomainListException e) {
            throw new IllegalStateException("James could not list its domains", e);
        }
    }
}
