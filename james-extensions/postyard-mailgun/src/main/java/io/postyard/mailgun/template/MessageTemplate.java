package io.postyard.mailgun.template;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.james.core.Domain;

/** A named template of a domain and its versions, exactly one of which is active. */
public record MessageTemplate(Domain domain, String name, String description, Instant createdAt, List<TemplateVersion> versions) {
    public MessageTemplate {
        Objects.requireNonNull(domain);
        Objects.requireNonNull(name);
        Objects.requireNonNull(description);
        Objects.requireNonNull(createdAt);
        versions = List.copyOf(versions);
    }

    public Optional<TemplateVersion> activeVersion() {
        return versions.stream().filter(TemplateVersion::active).findFirst();
    }

    public Optional<TemplateVersion> version(String tag) {
        return versions.stream().filter(version -> version.tag().equals(tag)).findFirst();
    }

    public MessageTemplate withDescription(String newDescription) {
        return new MessageTemplate(domain, name, newDescription, createdAt, versions);
    }

    public MessageTemplate withVersions(List<TemplateVersion> newVersions) {
        return new MessageTemplate(domain, name, description, createdAt, newVersions);
    }
}
