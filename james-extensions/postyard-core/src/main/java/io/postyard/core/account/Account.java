package io.postyard.core.account;

import java.time.Instant;
import java.util.Objects;

public record Account(AccountId id, String name, Instant createdAt) {
    public Account {
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        Objects.requireNonNull(createdAt);
    }
}
