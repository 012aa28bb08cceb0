package io.postyard.mailets;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import org.apache.james.core.Domain;

import io.postyard.core.dkim.DkimKeyGenerator;
import io.postyard.core.dkim.MemoryDkimKeyStore;
import io.postyard.core.domain.DnsVerification;
import io.postyard.core.domain.DomainLocality;
import io.postyard.core.domain.DomainPolicy;
import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.DomainState;
import io.postyard.core.domain.FakeDomainList;
import io.postyard.core.domain.MailDomain;
import io.postyard.core.domain.MemoryDomainStore;
import io.postyard.core.tracking.TrackingSettings;

/**
 * A {@link DomainService} over memory stores. Domains are put straight into the store, in the state a test needs,
 * rather than created through the service, which would generate a 2048-bit DKIM key for each.
 */
final class TestDomains {
    final MemoryDomainStore store = new MemoryDomainStore();
    final MemoryDkimKeyStore dkimKeys = new MemoryDkimKeyStore();
    final DomainService service;

    TestDomains() {
        Clock clock = Clock.systemUTC();
        DomainPolicy policy = new DomainPolicy(Set.of(), false);
        service = new DomainService(store, new FakeDomainList(), Set.of(), dkimKeys, new DkimKeyGenerator(clock), policy,
            new DomainLocality(store, policy, Set::of), clock);
    }

    MailDomain add(String name, DomainState state) {
        return add(name, state, TrackingSettings.DEFAULT);
    }

    MailDomain add(String name, DomainState state, TrackingSettings tracking) {
        Instant now = Instant.now();
        MailDomain domain = new MailDomain(Domain.of(name), TestMails.ACCOUNT, state, false, false, now, now, tracking,
            DnsVerification.NEVER);
        store.save(domain);
        return domain;
    }
}
