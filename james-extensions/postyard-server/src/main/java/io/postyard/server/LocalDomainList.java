package io.postyard.server;

import java.util.List;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Domain;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.api.DomainListException;

import io.postyard.core.domain.DomainLocality;

/**
 * James's domain list as mail routing sees it (the mailet context, SMTP recipient checks, postmaster aliasing): only
 * the domains {@link DomainLocality} calls local. Users and rewrite rules are managed against the whole list, so that
 * an account can create logins in a domain whose ownership it has not proved yet.
 */
public class LocalDomainList implements DomainList {
    private final DomainList all;
    private final DomainLocality locality;

    @Inject
    public LocalDomainList(@Named(DomainLocality.ALL_JAMES_DOMAINS) DomainList all, DomainLocality locality) {
        this.all = all;
        this.locality = locality;
    }

    @Override
    public List<Domain> getDomains() throws DomainListException {
        return all.getDomains().stream().filter(locality::isLocal).toList();
    }

    @Override
    public boolean containsDomain(Domain domain) throws DomainListException {
        return all.containsDomain(domain) && locality.isLocal(domain);
    }

    @Override
    public void addDomain(Domain domain) throws DomainListException {
        all.addDomain(domain);
    }

    @Override
    public void removeDomain(Domain domain) throws DomainListException {
        all.removeDomain(domain);
    }

    @Override
    public Domain getDefaultDomain() throws DomainListException {
        return all.getDefaultDomain();
    }
}
