package io.postyard.opensrs.store;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** An administration role: over a whole company, over some domains, or none (the user manages only itself). */
public record AdminRole(Kind kind, Set<String> objects) {
    public enum Kind {
        NONE, COMPANY, DOMAIN;

        public String asString() {
            return this == NONE ? "" : name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> parse(String value) {
            if (value == null || value.isEmpty()) {
                return Optional.of(NONE);
            }
            for (Kind kind : values()) {
                if (kind != NONE && kind.asString().equals(value)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    public static final AdminRole NONE = new AdminRole(Kind.NONE, Set.of());

    public AdminRole {
        Objects.requireNonNull(kind);
        objects = Set.copyOf(objects);
    }

    public static AdminRole company(String company) {
        return new AdminRole(Kind.COMPANY, Set.of(company));
    }

    public static AdminRole domains(Set<String> domains) {
        return new AdminRole(Kind.DOMAIN, domains);
    }
}
