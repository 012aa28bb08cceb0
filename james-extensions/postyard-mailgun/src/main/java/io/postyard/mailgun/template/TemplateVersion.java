package io.postyard.mailgun.template;

import java.time.Instant;
import java.util.Objects;

/** One version of a template: its Handlebars source, identified by a tag. */
public record TemplateVersion(String tag, String template, String engine, String comment, boolean active, Instant createdAt) {
    public static final String HANDLEBARS = "handlebars";

    public TemplateVersion {
        Objects.requireNonNull(tag);
        Objects.requireNonNull(template);
        Objects.requireNonNull(engine);
        Objects.requireNonNull(comment);
        Objects.requireNonNull(createdAt);
    }

    public TemplateVersion withActive(boolean newActive) {
        return new TemplateVersion(tag, template, engine, comment, newActive, createdAt);
    }
}
