package io.postyard.tempmail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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
import io.postyard.core.settings.Setting;

/**
 * The domains temporary addresses can be made in: public and premium ones the operator configures (hosted domains of
 * the operator's account, made at start-up), and as custom ones, the key's account's own active domains (those added
 * through the Mailgun API, say), except the domains other providers run.
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
    private final Provider<Set<OperatedDomains>> operators;
    private final List<Domain> publicDomains;
    private final List<Domain> premiumDomains;

    @Inject
    TempMailDomains(DomainService domains, Provider<Set<OperatedDomains>> operators, PostyardSettings settings) {
        this.domains = domains;
        this.operators = operators;
        this.publicDomains = settings.list(Setting.TEMPMAIL_PUBLIC_DOMAINS).stream().map(Domain::of).toList();
        this.premiumDomains = settings.list(Setting.TEMPMAIL_PREMIUM_DOMAINS).stream().map(Domain::of).toList();
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
        Set<Domain> elsewhere = operators.get().stream().flatMap(operator -> operator.operatedDomains().stream()).collect(Collectors.toSet());
        domains.list(account, Optional.of(DomainState.ACTIVE)).stream()
            .map(MailDomain::name)
            .filter(domain -> !elsewhere.contains(domain))
            .sorted(java.util.Comparator.comparing(Domain::asString))
            .forEach(domain -> available.add(new Available(domain, Type.CUSTOM)));
        return available;
    }
}
