package io.postyard.omypost;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.ProviderDomain;
import io.postyard.core.settings.PostyardSettings;

/** The domain OmyPost email accounts live in: {@code POSTYARD_OMYPOST_DOMAIN}. */
class OmyPostDomain extends ProviderDomain {
    @Inject
    OmyPostDomain(DomainService domains, PostyardSettings settings) {
        super(domains, Domain.of(settings.get(OmyPostSettings.DOMAIN)));
    }
}
