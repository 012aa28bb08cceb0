package io.postyard.mailgun.template;

import java.time.Instant;
import java.util.ArrayList;
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

    /** With one more version; an active one takes over from the version that was active. The tag must be new. */
    public MessageTemplate withVersionAdded(TemplateVersion added) {
        if (version(added.tag()).isPresent()) {
            throw new IllegalArgumentException("version '" + added.tag() + "' already exists");
        }
        List<TemplateVersion> newVersions = new ArrayList<>(added.active()
            ? versions.stream().map(existing -> existing.withActive(false)).toList()
            : versions);
        newVersions.add(added);
        return withVersions(newVersions);
    }

    /** With the version of the same tag replaced; when the replacement is active, no other version stays active. */
    public MessageTemplate withVersionReplaced(TemplateVersion replacement) {
        return withVersions(versions.stream()
            .map(version -> version.tag().equals(replacement.tag())
                ? replacement
                : (replacement.active() ? version.withActive(false) : version))
            .toList());
    }

    public MessageTemplate withoutVersion(String tag) {
        return withVersions(versions.stream().filter(version -> !version.tag().equals(tag)).toList());
    }
}
