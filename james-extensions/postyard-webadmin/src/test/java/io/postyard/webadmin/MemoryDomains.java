package io.postyard.webadmin;

import java.time.Clock;
import java.util.Set;

import org.apache.james.core.Domain;

import io.postyard.core.dkim.DkimKeyGenerator;
import io.postyard.core.dkim.MemoryDkimKeyStore;
import io.postyard.core.domain.DomainLocality;
import io.postyard.core.domain.DomainPolicy;
import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.FakeDomainList;
import io.postyard.core.domain.MemoryDomainStore;

/** The account domains of the memory profile, without the provider modules' cleanups and operated domains. */
final class MemoryDomains {
    static DomainService service(Clock clock, Domain... trusted) {
        MemoryDomainStore store = new MemoryDomainStore();
        DomainPolicy policy = new DomainPolicy(Set.of(trusted), false);
        return new DomainService(store, new FakeDomainList(), Set.of(), new MemoryDkimKeyStore(), new DkimKeyGenerator(clock), policy,
            new DomainLocality(store, policy, Set::of), clock);
    }

    private MemoryDomains() {
    }
}
