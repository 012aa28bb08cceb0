package io.postyard.core.key;

import java.util.Objects;
import java.util.Set;

/** The permissions a kind of key may carry, declared by the provider that issues it (OmyPost: {@code emails:read}, ...). */
public record KeyPermissions(KeyKind kind, Set<String> allowed) {
    public KeyPermissions {
        Objects.requireNonNull(kind);
        allowed = Set.copyOf(allowed);
    }
}
