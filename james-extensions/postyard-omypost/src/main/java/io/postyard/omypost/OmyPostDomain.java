package io.postyard.omypost;

import java.util.Set;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import io.postyard.core.account.AccountId;
import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.OperatedDomains;
import io.postyard.core.lifecycle.StartupTask;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;

/**
 * The domain OmyPost email accounts live in ({@code POSTYARD_OMYPOST_DOMAIN}): made a hosted, active domain of the
 * operator's account at start-up, so mail to its accounts is accepted and mail from them can be sent and signed.
 */
class OmyPostDomain implements StartupTask, OperatedDomains {
    private final DomainService domains;
    private final Domain name;

    @Inject
    OmyPostDomain(DomainService domains, PostyardSettings settings) {
        this.domains = domains;
        this.name = Domain.of(settings.get(Setting.OMYPOST_DOMAIN));
    }

    Domain name() {
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
