package io.postyard.opensrs;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

import io.postyard.opensrs.store.HostedCompany;
import io.postyard.opensrs.store.HostedDomain;
import io.postyard.opensrs.store.HostedUser;

/**
 * Finds the object a call names and checks the caller's reach over it: a company administrator reaches its company's
 * domains and users, a domain administrator its domains' users, a user itself. Out of reach is error 4, even for
 * an object that does not exist, so a caller learns nothing of what it cannot touch.
 */
public class OmaAccess {
    private final OmaCompanies companies;
    private final OmaDomains domains;
    private final OmaUsers users;

    @Inject
    public OmaAccess(OmaCompanies companies, OmaDomains domains, OmaUsers users) {
        this.companies = companies;
        this.domains = domains;
        this.users = users;
    }

    public HostedCompany company(Caller caller, Optional<String> id) {
        String wanted = id.orElse(caller.company());
        if (!caller.isCompanyAdmin(wanted)) {
            throw OmaException.noPermission();
        }
        return companies.require(wanted);
    }

    /** The domain, when the caller administers it; {@link Optional#empty()} when it does not exist but could be made. */
    public Optional<HostedDomain> domain(Caller caller, Domain name, boolean includeDeleted) {
        Optional<HostedDomain> domain = domains.get(name);
        if (domain.isEmpty()) {
            if (!caller.isCompanyAdmin(caller.company())) {
                throw OmaException.noPermission();
            }
            return Optional.empty();
        }
        if (!caller.administers(domain.get().company(), name)) {
            throw OmaException.noPermission();
        }
        if (domain.get().isDeleted() && !includeDeleted) {
            return Optional.empty();
        }
        return domain;
    }

    public HostedDomain requireDomain(Caller caller, Domain name, boolean includeDeleted) {
        return domain(caller, name, includeDeleted)
            .orElseThrow(() -> OmaException.notFound("Domain " + name.asString() + " does not exist"));
    }

    /** The user, when the caller is it or administers its domain. An alias's address is error 3. */
    public Optional<HostedUser> user(Caller caller, Username name, boolean includeDeleted) {
        Optional<HostedUser> user = users.get(name);
        if (user.isEmpty()) {
            Domain domain = name.getDomainPart().orElseThrow();
            Optional<HostedDomain> hosted = domains.get(domain);
            if (hosted.isEmpty() || !caller.administers(hosted.get().company(), domain)) {
                throw OmaException.noPermission();
            }
            if (users.aliasTarget(name).isPresent()) {
                throw new OmaException(OmaError.IS_ALIAS, name.asString() + " is an alias");
            }
            return Optional.empty();
        }
        if (!caller.is(name) && !administers(caller, user.get())) {
            throw OmaException.noPermission();
        }
        if (user.get().isDeleted() && !includeDeleted) {
            return Optional.empty();
        }
        return user;
    }

    public HostedUser requireUser(Caller caller, Username name, boolean includeDeleted) {
        return user(caller, name, includeDeleted)
            .orElseThrow(() -> OmaException.notFound("User " + name.asString() + " does not exist"));
    }

    public HostedUser requireAdministeredUser(Caller caller, Username name, boolean includeDeleted) {
        HostedUser user = requireUser(caller, name, includeDeleted);
        if (!administers(caller, user)) {
            throw OmaException.noPermission();
        }
        return user;
    }

    public boolean administers(Caller caller, HostedUser user) {
        return caller.administers(user.company(), user.domain());
    }
}
