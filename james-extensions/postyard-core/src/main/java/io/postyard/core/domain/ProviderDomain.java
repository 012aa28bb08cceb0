package io.postyard.core.domain;

import java.util.Set;

import org.apache.james.core.Domain;

import io.postyard.core.account.AccountId;
import io.postyard.core.lifecycle.StartupTask;

/**
 * The one domain a provider makes its hosted mailboxes in (OmyPost accounts, openmail inboxes), named by a setting:
 * made a hosted, active domain of the operator's account at start-up, so mail to its mailboxes is accepted and mail
 * from them can be sent and signed.
 */
public abstract class ProviderDomain implements StartupTask, OperatedDomains {
    private final DomainService domains;
    private final Domain name;

    protected ProviderDomain(DomainService domains, Domain name) {
        this.domains = domains;
        this.name = name;
    }

    public Domain name() {
        return name;
    }

    @Override
    public Set<Domain> operatedDomains() {
        return Set.of(name);
    }

    @Override
    public void run() {
        domains.ensureOperated(AccountId.DEFAULT, name);
    }
}
