package io.postyard.core.key;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.apache.james.core.Domain;

import io.postyard.core.account.AccountId;

/** What an operator asks for when creating a key through WebAdmin. */
public record KeyRequest(AccountId account, KeyKind kind, Optional<Domain> domain, Set<String> permissions,
                         String description) {
    public KeyRequest {
        Objects.requireNonNull(account);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(domain);
        permissions = Set.copyOf(permissions);
        Objects.requireNonNull(description);
    }
}
