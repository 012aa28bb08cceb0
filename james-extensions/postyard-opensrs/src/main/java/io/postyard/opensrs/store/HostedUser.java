package io.postyard.opensrs.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;

/**
 * A mailbox user of a company's domain, backed by the James user of the same name. A deleted one keeps its James user
 * and mail until its retention ends; {@link #formerName()} is set after a rename, until the password has moved.
 */
public record HostedUser(Username name,
                         String company,
                         UserStatus status,
                         AdminRole role,
                         Map<String, Object> attributes,
                         Instant createdAt,
                         Optional<Instant> deletedAt,
                         Optional<Username> formerName) {
    public HostedUser {
        Objects.requireNonNull(name);
        Objects.requireNonNull(company);
        Objects.requireNonNull(status);
        Objects.requireNonNull(role);
        attributes = Map.copyOf(attributes);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(deletedAt);
        Objects.requireNonNull(formerName);
    }

    public Domain domain() {
        return name.getDomainPart().orElseThrow();
    }

    public boolean isDeleted() {
        return deletedAt.isPresent();
    }

    public boolean mayLogIn() {
        return status == UserStatus.ACTIVE && !isDeleted();
    }

    public HostedUser withStatus(UserStatus newStatus) {
        return new HostedUser(name, company, newStatus, role, attributes, createdAt, deletedAt, formerName);
    }

    public HostedUser withRole(AdminRole newRole) {
        return new HostedUser(name, company, status, newRole, attributes, createdAt, deletedAt, formerName);
    }

    public HostedUser withAttributes(Map<String, Object> newAttributes) {
        return new HostedUser(name, company, status, role, newAttributes, createdAt, deletedAt, formerName);
    }

    public HostedUser deleted(Instant at) {
        return new HostedUser(name, company, status, role, attributes, createdAt, Optional.of(at), formerName);
    }

    public HostedUser restored() {
        return new HostedUser(name, company, status, role, attributes, createdAt, Optional.empty(), formerName);
    }

    public HostedUser renamed(Username newName, Optional<Username> passwordHolder) {
        return new HostedUser(newName, company, status, role, attributes, createdAt, deletedAt, passwordHolder);
    }
}
