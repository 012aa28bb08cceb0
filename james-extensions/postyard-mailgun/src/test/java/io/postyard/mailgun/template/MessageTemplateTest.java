package io.postyard.mailgun.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.apache.james.core.Domain;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static TemplateVersion version(String tag, boolean active) {
        return new TemplateVersion(tag, "<p>{{name}}</p>", TemplateVersion.HANDLEBARS, "", active, T0);
    }

    private static MessageTemplate template(TemplateVersion... versions) {
        return new MessageTemplate(Domain.of("t.test"), "welcome", "", T0, List.of(versions));
    }

    @Test
    void anActiveVersionAddedTakesOverFromTheActiveOne() {
        MessageTemplate template = template(version("v1", true)).withVersionAdded(version("v2", true));

        assertThat(template.activeVersion()).map(TemplateVersion::tag).contains("v2");
        assertThat(template.version("v1")).map(TemplateVersion::active).contains(false);
    }

    @Test
    void anInactiveVersionAddedLeavesTheActiveOneActive() {
        MessageTemplate template = template(version("v1", true)).withVersionAdded(version("v2", false));

        assertThat(template.activeVersion()).map(TemplateVersion::tag).contains("v1");
        assertThat(template.versions()).hasSize(2);
    }

    @Test
    void aTagIsAddedOnlyOnce() {
        assertThatThrownBy(() -> template(version("v1", true)).withVersionAdded(version("v1", false)))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVersionReplacedAsActiveDeactivatesTheOthers() {
        MessageTemplate template = template(version("v1", true), version("v2", false)).withVersionReplaced(version("v2", true));

        assertThat(template.activeVersion()).map(TemplateVersion::tag).contains("v2");
        assertThat(template.versions()).extracting(TemplateVersion::tag).containsExactly("v1", "v2");
    }

    @Test
    void aVersionRemovedIsGoneAndTheOthersStay() {
        MessageTemplate template = template(version("v1", true), version("v2", false)).withoutVersion("v1");

        assertThat(template.versions()).extracting(TemplateVersion::tag).containsExactly("v2");
    }
}
