package io.postyard.opensrs;

import java.time.Duration;

import javax.inject.Inject;

import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.DomainVerifier;
import io.postyard.core.domain.MailDomain;
import io.postyard.core.job.TimedJob;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;

/**
 * OMA has no verify call: a company's domain becomes local when this job, every {@code domain.recheck.interval}, finds
 * its MX pointing here or its ownership token published. Until then its users exist but mail sent to them from this
 * server leaves for the domain's real MX.
 */
public class DomainOwnershipCheck implements TimedJob {
    private final OmaCompanies companies;
    private final OmaDomains hostedDomains;
    private final DomainService domains;
    private final DomainVerifier verifier;
    private final Duration interval;

    @Inject
    public DomainOwnershipCheck(OmaCompanies companies, OmaDomains hostedDomains, DomainService domains, DomainVerifier verifier,
                                PostyardSettings settings) {
        this.companies = companies;
        this.hostedDomains = hostedDomains;
        this.domains = domains;
        this.verifier = verifier;
        this.interval = settings.getDuration(Setting.DOMAIN_RECHECK_INTERVAL);
    }

    @Override
    public String name() {
        return "oma-domain-ownership-check";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void run() {
        companies.list().forEach(company -> hostedDomains.list(company.id()).stream()
            .filter(hosted -> !hosted.isDeleted())
            .flatMap(hosted -> domains.get(company.account(), hosted.name()).stream())
            .filter(domain -> !domains.isLocal(domain))
            .forEach(this::check));
    }

    private void check(MailDomain domain) {
        domains.recordVerification(domain.account(), domain.name(), verifier.verify(domain, domains.dkimKey(domain.name())));
    }
}
