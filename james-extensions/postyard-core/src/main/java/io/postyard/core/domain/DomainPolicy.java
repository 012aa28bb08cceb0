package io.postyard.core.domain;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;

/**
 * Which domains the operator vouches for: those named in {@code trusted.domains} are active and local from their
 * creation, without DNS proof. {@code testing.trust.all.domains} vouches for every name, for test suites only: on a
 * shared server it would let any account take any domain's mail.
 */
public class DomainPolicy {
    private final Set<Domain> trusted;
    private final boolean trustAll;

    @Inject
    public DomainPolicy(PostyardSettings settings) {
        this(settings.list(Setting.TRUSTED_DOMAINS).stream()
                .map(name -> name.trim().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty())
                .map(Domain::of)
                .collect(Collectors.toUnmodifiableSet()),
            settings.getBoolean(Setting.TESTING_TRUST_ALL_DOMAINS));
    }

    public DomainPolicy(Set<Domain> trusted, boolean trustAll) {
        this.trusted = Set.copyOf(trusted);
        this.trustAll = trustAll;
    }

    public boolean trusts(Domain name) {
        return trustAll || trusted.contains(name);
    }
}
