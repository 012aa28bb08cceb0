package io.postyard.opensrs.store;

import java.util.List;
import java.util.Optional;

import org.apache.james.core.Domain;

public interface HostedDomainStore {
    /** Stores a new domain unless one of that name exists; tells whether it was stored. */
    boolean insertIfAbsent(HostedDomain domain);

    void save(HostedDomain domain);

    Optional<HostedDomain> get(Domain name);

    /** The company's domains, deleted ones included, ordered by name. */
    List<HostedDomain> list(String company);

    void delete(Domain name);
}
