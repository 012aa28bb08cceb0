package io.postyard.core.key;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.apache.james.core.Domain;

/** What a key may touch: optionally a single domain, and the permissions its provider understands. */
public record KeyScope(Optional<Domain> domain, Set<String> permissions) {
    public static final KeyScope UNRESTRICTED = new KeyScope(Optional.empty(), Set.of());

    public static KeyScope domain(Domain domain) {
        return new KeyScope(Optional.of(domain), Set.of());
    }

    public static KeyScope permissions(Set<String> permissions) {
        return new KeyScope(Optional.empty(), permissions);
    }

    public KeyScope {
        Objects.requireNonNull(domain);
        permissions = Set.copyOf(permissions);
    }

    public boolean allowsDomain(Domain candidate) {
        return domain.map(candidate::equals).orElse(true);
    }

    public boolean hasPermission(String permission) {
        return permissions.contains(permission);
    }
}
