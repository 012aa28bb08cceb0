package io.postyard.opensrs.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import io.postyard.core.account.AccountId;

/** A reseller's customer: it owns domains, and through them users. Its domains belong to {@link #account()}. */
public record HostedCompany(String id, AccountId account, Map<String, Object> attributes, Instant createdAt) {
    public HostedCompany {
        Objects.requireNonNull(id);
        Objects.requireNonNull(account);
        attributes = Map.copyOf(attributes);
        Objects.requireNonNull(createdAt);
    }

    public HostedCompany withAttributes(Map<String, Object> newAttributes) {
        return new HostedCompany(id, account, newAttributes, createdAt);
    }
}
