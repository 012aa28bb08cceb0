package io.postyard.core.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Domain;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.api.DomainListException;

import io.postyard.core.account.AccountId;
import io.postyard.core.dkim.DkimKey;
import io.postyard.core.dkim.DkimKeyGenerator;
import io.postyard.core.dkim.DkimKeyStore;
import io.postyard.core.tracking.TrackingSettings;

/**
 * Account domains. Each one is also in James's own domain list, so that users can be created in it; whether mail for
 * it stays here is {@link DomainLocality}'s call. A name belongs to one account at most.
 */
public class DomainService {
    private final DomainStore store;
    private final DomainList jamesDomains;
    private final Set<DomainCleanup> cleanups;
    private final DkimKeyStore dkimKeys;
    private final DkimKeyGenerator dkimKeyGenerator;
    private final DomainPolicy policy;
    private final DomainLocality locality;
    private final Clock clock;

    @Inject
    public DomainService(DomainStore store, @Named(DomainLocality.ALL_JAMES_DOMAINS) DomainList jamesDomains,
                         Set<DomainCleanup> cleanups, DkimKeyStore dkimKeys, DkimKeyGenerator dkimKeyGenerator,
                         DomainPolicy policy, DomainLocality locality, Clock clock) {
        this.store = store;
        this.jamesDomains = jamesDomains;
        this.cleanups = Set.copyOf(cleanups);
        this.dkimKeys = dkimKeys;
        this.dkimKeyGenerator = dkimKeyGenerator;
        this.policy = policy;
        this.locality = locality;
        this.clock = clock;
    }

    /**
     * A domain already known to James but registered by no account (added through WebAdmin, or an OMA alias domain)
     * may only be adopted by the operator's account: another account would take over mail James already delivers here.
     */
    public MailDomain create(AccountId account, Domain name, boolean wildcard) {
        if (!account.equals(AccountId.DEFAULT) && (locality.isOperated(name) || jamesHas(name))) {
            throw new DomainAlreadyExistsException(name);
        }
        Instant now = clock.instant();
        DomainState initialState = policy.trusts(name) ? DomainState.ACTIVE : DomainState.UNVERIFIED;
        MailDomain domain = new MailDomain(name, account, initialState, wildcard, false, now, now,
            TrackingSettings.DEFAULT, DnsVerification.NEVER);
        if (!store.insertIfAbsent(domain)) {
            throw new DomainAlreadyExistsException(name);
        }
        dkimKeys.put(dkimKeyGenerator.generate(name));
        ensureJamesDomain(name);
        return domain;
    }

    public Optional<MailDomain> get(AccountId account, Domain name) {
        return store.get(name)
            .filter(domain -> domain.account().equals(account));
    }

    /** Whatever account owns it: for operators. */
    public Optional<MailDomain> find(Domain name) {
        return store.get(name);
    }

    public MailDomain require(AccountId account, Domain name) {
        return get(account, name).orElseThrow(() -> new DomainNotFoundException(name));
    }

    public List<MailDomain> list(AccountId account, Optional<DomainState> state) {
        return store.list(account).stream()
            .filter(domain -> state.map(domain.state()::equals).orElse(true))
            .toList();
    }

    public Optional<DkimKey> dkimKey(Domain name) {
        return dkimKeys.get(name);
    }

    /**
     * For a domain the server itself provides (such as the OmyPost accounts' domain): created if missing and active
     * from the start, since the operator who configured it owns its DNS. A domain an operator disabled stays disabled.
     */
    public MailDomain ensureOperated(AccountId account, Domain name) {
        Optional<MailDomain> existing = store.get(name);
        if (existing.isEmpty()) {
            try {
                create(account, name, false);
            } catch (DomainAlreadyExistsException e) {
                // Created concurrently: fine.
            }
        }
        MailDomain domain = store.get(name).orElseThrow();
        if (domain.state() == DomainState.UNVERIFIED) {
            domain = domain.withState(DomainState.ACTIVE, clock.instant());
            store.save(domain);
        }
        return domain;
    }

    /** The kill switch: a disabled domain sends nothing until an operator enables it again. */
    public MailDomain disable(AccountId account, Domain name) {
        MailDomain domain = require(account, name);
        refuseOperated(name);
        MailDomain disabled = domain.withState(DomainState.DISABLED, clock.instant());
        store.save(disabled);
        return disabled;
    }

    /** Back to active when the domain was trusted or verified before it was disabled, else to unverified. */
    public MailDomain enable(AccountId account, Domain name) {
        MailDomain domain = require(account, name);
        if (domain.state() != DomainState.DISABLED) {
            return domain;
        }
        boolean verified = policy.trusts(name) || domain.verification().sendingRecordsValid();
        MailDomain enabled = domain.withState(verified ? DomainState.ACTIVE : DomainState.UNVERIFIED, clock.instant());
        store.save(enabled);
        return enabled;
    }

    /** Records a DNS check; an unverified domain whose sending records all match becomes active. */
    public MailDomain recordVerification(AccountId account, Domain name, DnsVerification verification) {
        MailDomain domain = require(account, name);
        MailDomain checked = domain.withVerification(verification, clock.instant());
        if (checked.state() == DomainState.UNVERIFIED && verification.sendingRecordsValid()) {
            checked = checked.withState(DomainState.ACTIVE, clock.instant());
        }
        store.save(checked);
        return checked;
    }

    public MailDomain setWildcard(AccountId account, Domain name, boolean wildcard) {
        MailDomain domain = require(account, name);
        if (domain.wildcard() == wildcard) {
            return domain;
        }
        MailDomain updated = domain.withWildcard(wildcard, clock.instant());
        store.save(updated);
        return updated;
    }

    public MailDomain updateTracking(AccountId account, Domain name, UnaryOperator<TrackingSettings> change) {
        MailDomain domain = require(account, name);
        MailDomain updated = domain.withTracking(change.apply(domain.tracking()), clock.instant());
        store.save(updated);
        return updated;
    }

    public void delete(AccountId account, Domain name) {
        MailDomain domain = require(account, name);
        refuseOperated(name);
        cleanups.forEach(cleanup -> cleanup.cleanup(domain.name()));
        dkimKeys.delete(domain.name());
        store.delete(domain.name());
        removeJamesDomain(domain.name());
    }

    /** Whether mail sent to it from this server stays here. */
    public boolean isLocal(MailDomain domain) {
        return locality.isLocal(domain);
    }

    private void refuseOperated(Domain name) {
        if (locality.isOperated(name)) {
            throw new OperatedDomainException(name);
        }
    }

    private boolean jamesHas(Domain name) {
        try {
            return jamesDomains.containsDomain(name);
        } catch (DomainListException e) {
            throw new IllegalStateException("James could not list its domains", e);
        }
    }

    private void ensureJamesDomain(Domain name) {
        try {
            if (!jamesDomains.containsDomain(name)) {
                jamesDomains.addDomain(name);
            }
        } catch (DomainListException e) {
            throw new IllegalStateException("James refused domain " + name.asString(), e);
        }
    }

    private void removeJamesDomain(Domain name) {
        try {
            if (jamesDomains.containsDomain(name)) {
                jamesDomains.removeDomain(name);
            }
        } catch (DomainListException e) {
            throw new IllegalStateException("James could not remove domain " + name.asString(), e);
        }
    }
}
