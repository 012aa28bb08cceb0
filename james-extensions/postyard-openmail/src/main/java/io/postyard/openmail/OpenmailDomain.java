package io.postyard.openmail;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.ProviderDomain;
import io.postyard.core.settings.PostyardSettings;

/** The domain inboxes are made in: {@code POSTYARD_OPENMAIL_DOMAIN}, the document's {@code yourco.openmail.sh}. */
class OpenmailDomain extends ProviderDomain {
    @Inject
    OpenmailDomain(DomainService domains, PostyardSettings settings) {
        super(domains, Domain.of(settings.get(OpenmailSettings.DOMAIN)));
    }
}
