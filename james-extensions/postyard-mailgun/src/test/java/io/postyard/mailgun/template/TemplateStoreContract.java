package io.postyard.mailgun.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.james.core.Domain;
import org.junit.jupiter.api.Test;

/** What every {@link TemplateStore} does. Each test uses a domain of its own. */
public abstract class TemplateStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    private final Domain domain = Domain.of(UUID.randomUUID() + ".contract.test");

    protected abstract TemplateStore store();

    private MessageTemplate template(String name, TemplateVersion... versions) {
        return new MessageTemplate(domain, name, "about " + name, T0, List.of(versions));
    }

    private static TemplateVersion version(String tag, boolean active) {
        return new TemplateVersion(tag, "<p>Hello {{name}} from " + tag + "</p>", TemplateVersion.HANDLEBARS, "comment " + tag, active,
            T0.plusSeconds(tag.length()));
    }

    private List<String> names(List<MessageTemplate> templates) {
        return templates.stream().map(MessageTemplate::name).toList();
    }

    @Test
    void aTemplateComesBackWithItsVersionsInOrder() {
        MessageTemplate template = template("welcome", version("v2", false), version("initial", true), version("v10", false));

        assertThat(store().insertIfAbsent(template)).isTrue();

        assertThat(store().get(domain, "welcome")).contains(template);
        assertThat(store().get(domain, "welcome").flatMap(MessageTemplate::activeVersion)).contains(version("initial", true));
        assertThat(store().get(domain, "unknown")).isEmpty();
    }

    @Test
    void aTemplateWithoutVersionsComesBackEmpty() {
        store().insertIfAbsent(template("bare"));

        assertThat(store().get(domain, "bare")).contains(template("bare"));
    }

    @Test
    void theFirstInsertOfANameWins() {
        store().insertIfAbsent(template("welcome", version("initial", true)));

        assertThat(store().insertIfAbsent(template("welcome", version("other", true)))).isFalse();
        assertThat(store().get(domain, "welcome").flatMap(MessageTemplate::activeVersion)).contains(version("initial", true));
    }

    @Test
    void saveReplacesTheDescriptionAndVersions() {
        store().insertIfAbsent(template("welcome", version("initial", true)));
        MessageTemplate changed = template("welcome", version("initial", false), version("second", true)).withDescription("changed");

        store().save(changed);

        assertThat(store().get(domain, "welcome")).contains(changed);
    }

    @Test
    void templatesArePagedByName() {
        for (String name : List.of("delta", "alpha", "echo", "charlie", "bravo")) {
            store().insertIfAbsent(template(name));
        }

        assertThat(names(store().list(domain, Optional.empty(), 2))).containsExactly("alpha", "bravo");
        assertThat(names(store().list(domain, Optional.of("bravo"), 2))).containsExactly("charlie", "delta");
        assertThat(names(store().list(domain, Optional.of("delta"), 2))).containsExactly("echo");
        assertThat(names(store().list(domain, Optional.of("charlie0"), 10))).containsExactly("delta", "echo");
        assertThat(store().list(domain, Optional.of("echo"), 2)).isEmpty();
    }

    @Test
    void deleteTellsWhetherTheTemplateExisted() {
        store().insertIfAbsent(template("gone"));

        assertThat(store().delete(domain, "gone")).isTrue();
        assertThat(store().delete(domain, "gone")).isFalse();
        assertThat(store().get(domain, "gone")).isEmpty();
    }

    @Test
    void deletingTheDomainForgetsItsTemplatesOnly() {
        Domain other = Domain.of(UUID.randomUUID() + ".contract.test");
        store().insertIfAbsent(template("one"));
        store().insertIfAbsent(template("two"));
        store().insertIfAbsent(new MessageTemplate(other, "one", "", T0, List.of()));

        store().deleteDomain(domain);

        assertThat(store().list(domain, Optional.empty(), 10)).isEmpty();
        assertThat(store().get(other, "one")).isPresent();
        assertThat(store().insertIfAbsent(template("one"))).isTrue();
    }
}
