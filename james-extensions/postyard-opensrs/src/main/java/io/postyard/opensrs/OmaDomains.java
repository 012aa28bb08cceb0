package io.postyard.opensrs;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import io.postyard.core.account.AccountId;
import io.postyard.core.domain.DomainAlreadyExistsException;
import io.postyard.core.domain.DomainLocality;
import io.postyard.core.domain.DomainAliases;
import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.MailDomain;
import io.postyard.core.mailbox.MailboxLimits;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.opensrs.store.HostedCompany;
import io.postyard.opensrs.store.HostedDomain;
import io.postyard.opensrs.store.HostedDomainStore;
import io.postyard.opensrs.store.HostedUser;

/**
 * A company's domains. Each is a domain of the company's account (so James accepts its mail and the Mailgun API sees
 * it); its alias domains are James domains rewritten to it; its default quota is James's domain quota. Deleting one
 * keeps it, out of service, for the retention period.
 */
public class OmaDomains {
    private final HostedDomainStore store;
    private final DomainService domains;
    private final DomainAliases aliases;
    private final MailboxLimits limits;
    private final OmaUsers users;
    private final OmaCompanies companies;
    private final DomainLocality locality;
    private final AliasDomainProof aliasProof;
    private final Clock clock;
    private final Duration retention;

    @Inject
    public OmaDomains(HostedDomainStore store, DomainService domains, DomainAliases aliases,
                      MailboxLimits limits, OmaUsers users, OmaCompanies companies, DomainLocality locality,
                      AliasDomainProof aliasProof, Clock clock, PostyardSettings settings) {
        this.store = store;
        this.domains = domains;
        this.companies = companies;
        this.locality = locality;
        this.aliasProof = aliasProof;
        this.aliases = aliases;
        this.limits = limits;
        this.users = users;
        this.clock = clock;
        this.retention = settings.getDuration(OmaSettings.DELETED_RETENTION);
    }

    public Optional<HostedDomain> get(Domain name) {
        return store.get(name);
    }

    public List<HostedDomain> list(String company) {
        return store.list(company);
    }

    /**
     * A domain the company's account already has (added through the Mailgun API, say) is taken over, not refused; a
     * domain the server runs for a provider is never.
     */
    public HostedDomain create(HostedCompany company, Domain name, Map<String, Object> attributes) {
        Optional<MailDomain> existing = domains.find(name);
        if ((existing.isPresent() && !existing.get().account().equals(company.account())) || locality.isOperated(name)) {
            throw OmaException.exists("Domain " + name.asString() + " already exists");
        }
        checkAliasesAreFree(name, DomainAttributes.aliases(attributes), Set.of());
        aliasProof.require(company.account(), DomainAttributes.aliases(attributes), Set.of());
        HostedDomain domain = new HostedDomain(name, company.id(), attributes, clock.instant(), Optional.empty());
        if (!store.insertIfAbsent(domain)) {
            throw OmaException.exists("Domain " + name.asString() + " already exists");
        }
        if (existing.isEmpty()) {
            try {
                domains.create(company.account(), name, false);
            } catch (DomainAlreadyExistsException e) {
                // Made concurrently for the same account: the domain is there, as wanted.
            }
        }
        apply(domain, Map.of());
        return domain;
    }

    public HostedDomain change(HostedDomain domain, Map<String, Object> attributes) {
        Set<String> current = Set.copyOf(DomainAttributes.aliases(domain.attributes()));
        if (attributes.containsKey(DomainAttributes.ALIASES)) {
            checkAliasesAreFree(domain.name(), DomainAttributes.aliases(attributes), current);
            aliasProof.require(accountOf(domain), DomainAttributes.aliases(attributes), current);
        }
        Map<String, Object> merged = new LinkedHashMap<>(domain.attributes());
        merged.putAll(attributes);
        HostedDomain changed = domain.withAttributes(merged);
        store.save(changed);
        apply(changed, domain.attributes());
        return changed;
    }

    /** Out of service at once (mail refused, users locked out) and restorable until the retention ends. */
    public HostedDomain delete(HostedDomain domain, boolean cascade) {
        List<HostedUser> remaining = users.list(domain.name()).stream().filter(user -> !user.isDeleted()).toList();
        if (!remaining.isEmpty() && !cascade) {
            throw OmaException.malformed("Domain " + domain.name().asString() + " still has " + remaining.size()
                + " users: delete them first, or ask for cascade");
        }
        remaining.forEach(users::delete);
        HostedDomain deleted = domain.deleted(clock.instant());
        store.save(deleted);
        aliases.set(domain.name(), Set.of(), aliasDomains(domain.attributes()));
        return deleted;
    }

    public HostedDomain restore(HostedDomain domain) {
        if (!isRestorable(domain)) {
            throw OmaException.notFound("Domain " + domain.name().asString() + " is not deleted, or no longer restorable");
        }
        checkAliasesAreFree(domain.name(), DomainAttributes.aliases(domain.attributes()), Set.of());
        aliasProof.require(accountOf(domain), DomainAttributes.aliases(domain.attributes()), Set.of());
        HostedDomain restored = domain.restored();
        store.save(restored);
        apply(restored, Map.of());
        return restored;
    }

    public boolean isRestorable(HostedDomain domain) {
        return domain.deletedAt().map(at -> at.plus(retention).isAfter(clock.instant())).orElse(false);
    }

    /** Removes for good a deleted domain past its retention, with its users, their mail, and the James domain. */
    public void purge(HostedDomain domain, HostedCompany company) {
        users.list(domain.name()).forEach(users::purge);
        limits.setDomainQuota(domain.name(), Optional.empty());
        domains.get(company.account(), domain.name()).ifPresent(existing -> domains.delete(company.account(), domain.name()));
        store.delete(domain.name());
    }

    private void apply(HostedDomain domain, Map<String, Object> before) {
        aliases.set(domain.name(), aliasDomains(domain.attributes()), aliasDomains(before));
        limits.setDomainQuota(domain.name(), Optional.ofNullable((Long) domain.attributes().get(DomainAttributes.QUOTA)));
    }


    /** An alias domain must be no domain of its own, nor another domain's alias. */
    private void checkAliasesAreFree(Domain domain, List<String> aliases, Set<String> alreadyOurs) {
        for (String alias : aliases) {
            Domain name = OmaNames.domain(alias);
            if (alreadyOurs.contains(name.asString())) {
                continue;
            }
            if (name.equals(domain) || store.get(name).isPresent() || domains.find(name).isPresent() || isAliasElsewhere(name)) {
                throw OmaException.exists("Domain " + name.asString() + " already exists");
            }
        }
    }

    private AccountId accountOf(HostedDomain domain) {
        return companies.require(domain.company()).account();
    }

    private boolean isAliasElsewhere(Domain alias) {
        return aliases.isKnown(alias);
    }

    private static Set<Domain> aliasDomains(Map<String, Object> attributes) {
        return DomainAttributes.aliases(attributes).stream().map(OmaNames::domain).collect(Collectors.toSet());
    }
}
