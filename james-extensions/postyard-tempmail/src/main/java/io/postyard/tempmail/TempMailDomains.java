package io.postyard.tempmail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;
import javax.inject.Provider;

import org.apache.james.core.Domain;

import io.postyard.core.account.AccountId;
import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.DomainState;
import io.postyard.core.domain.MailDomain;
import io.postyard.core.domain.OperatedDomains;
import io.postyard.core.lifecycle.StartupTask;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.tempmail.store.TempMailDomainStore;

/**
 * The domains temporary addresses can be made in: public and premium ones the operator configures (hosted domains of
 * the operator's account, made at start-up), and as custom ones, the domains the key's account opted in for Temp Mail
 * ({@code PUT /v1/domains/{name}}: one of its own domains, active and local), never a domain another provider runs.
 */
class TempMailDomains implements StartupTask, OperatedDomains {
    enum Type {
        PUBLIC, CUSTOM, PREMIUM;

        String asString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Optional<Type> parse(String value) {
            for (Type type : values()) {
                if (type.asString().equals(value)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    record Available(Domain name, Type type) {
    }

    private final DomainService domains;
    private final TempMailDomainStore customDomains;
    private final Provider<Set<OperatedDomains>> operators;
    private final List<Domain> publicDomains;
    private final List<Domain> premiumDomains;

    @Inject
    TempMailDomains(DomainService domains, TempMailDomainStore customDomains, Provider<Set<OperatedDomains>> operators,
                    PostyardSettings settings) {
        this.domains = domains;
        this.customDomains = customDomains;
        this.operators = operators;
        this.publicDomains = settings.list(TempMailSettings.PUBLIC_DOMAINS).stream().map(Domain::of).toList();
        this.premiumDomains = settings.list(TempMailSettings.PREMIUM_DOMAINS).stream().map(Domain::of).toList();
    }

    @Override
    public void run() {
        publicDomains.forEach(domain -> domains.ensureOperated(AccountId.DEFAULT, domain));
        premiumDomains.forEach(domain -> domains.ensureOperated(AccountId.DEFAULT, domain));
    }

    @Override
    public Set<Domain> operatedDomains() {
        Set<Domain> operated = new LinkedHashSet<>(publicDomains);
        operated.addAll(premiumDomains);
        return operated;
    }

    /** Every domain the account may use, public first, then premium, then its own. */
    List<Available> available(AccountId account) {
        List<Available> available = new ArrayList<>();
        publicDomains.forEach(domain -> available.add(new Available(domain, Type.PUBLIC)));
        premiumDomains.forEach(domain -> available.add(new Available(domain, Type.PREMIUM)));
        customDomains.list(account).stream()
            .filter(domain -> usable(account, domain).isEmpty())
            .forEach(domain -> available.add(new Available(domain, Type.CUSTOM)));
        return available;
    }

    /** Opts one of the account's domains in as a custom domain; tells why not when it may not be. */
    Optional<String> optIn(AccountId account, Domain domain) {
        Optional<String> refusal = usable(account, domain);
        if (refusal.isEmpty()) {
            customDomains.add(account, domain);
        }
        return refusal;
    }

    void optOut(AccountId account, Domain domain) {
        customDomains.remove(account, domain);
    }

    boolean isOwnDomain(AccountId account, Domain domain) {
        return domains.get(account, domain).isPresent();
    }

    /**
     * Why the account cannot use the domain for temporary addresses, if it cannot: it must be the account's, active,
     * local (its mail stays here), and no domain another provider runs (such as the OmyPost accounts' domain).
     */
    private Optional<String> usable(AccountId account, Domain name) {
        Optional<MailDomain> domain = domains.get(account, name);
        if (domain.isEmpty()) {
            return Optional.of("Domain " + name.asString() + " is not a domain of this account");
        }
        boolean elsewhere = operators.get().stream().anyMatch(operator -> operator.operatedDomains().contains(name));
        if (elsewhere) {
            return Optional.of("Domain " + name.asString() + " is run by the server");
        }
        if (domain.get().state() != DomainState.ACTIVE) {
            return Optional.of("Domain " + name.asString() + " is " + domain.get().state().asString() + ", not active");
        }
        if (!domains.isLocal(domain.get())) {
            return Optional.of("Domain " + name.asString() + " does not receive mail here yet: point its MX at this server or"
                + " publish its ownership record, then verify it");
        }
        return Optional.empty();
    }
}
