package io.postyard.core.domain;

import javax.inject.Inject;

import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;

/** Operator choices about domains. */
public class DomainPolicy {
    private final boolean trustNewDomains;

    @Inject
    public DomainPolicy(PostyardSettings settings) {
        this.trustNewDomains = settings.getBoolean(Setting.TRUST_DOMAINS);
    }

    public DomainPolicy(boolean trustNewDomains) {
        this.trustNewDomains = trustNewDomains;
    }

    /** {@code POSTYARD_TRUST_DOMAINS=true}: new domains are active at once, without DNS verification (local use). */
    public boolean trustNewDomains() {
        return trustNewDomains;
    }
}
