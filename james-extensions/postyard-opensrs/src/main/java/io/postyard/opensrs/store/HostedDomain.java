package io.postyard.opensrs.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.james.core.Domain;

/** A domain of a company, with its settings; a deleted one is kept until its retention ends, so it can be restored. */
public record HostedDomain(Domain name, String company, Map<String, Object> attributes, Instant createdAt, Optional<Instant> deletedAt) {
    public HostedDomain {
        Objects.requireNonNull(name);
        Objects.requireNonNull(company);
        attributes = Map.copyOf(attributes);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(deletedAt);
    }

    public boolean isDeleted() {
        return deletedAt.isPresent();
    }

    public HostedDomain withAttributes(Map<String, Object> newAttributes) {
        return new HostedDomain(name, company, newAttributes, createdAt, deletedAt);
    }

    public HostedDomain deleted(Instant at) {
        return new HostedDomain(name, company, attributes, createdAt, Optional.of(at));
    }

    public HostedDomain restored() {
        return new HostedDomain(name, company, attributes, createdAt, Optional.empty());
    }
}
