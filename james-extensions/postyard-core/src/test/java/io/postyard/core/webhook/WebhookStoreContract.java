package io.postyard.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.apache.james.core.Domain;
import org.junit.jupiter.api.Test;

/** What every {@link WebhookStore} does. Each test uses a domain of its own. */
public abstract class WebhookStoreContract {
    private final Domain domain = Domain.of(UUID.randomUUID() + ".contract.test");

    protected abstract WebhookStore store();

    private DomainWebhook webhook(String name, String... urls) {
        return new DomainWebhook(domain, name, List.of(urls).stream().map(URI::create).toList());
    }

    @Test
    void theFirstInsertOfANameWins() {
        assertThat(store().insertIfAbsent(webhook("delivered", "https://a.example/1"))).isTrue();

        assertThat(store().insertIfAbsent(webhook("delivered", "https://b.example/2"))).isFalse();
        assertThat(store().get(domain, "delivered")).contains(webhook("delivered", "https://a.example/1"));
    }

    @Test
    void saveReplacesTheUrlsKeepingTheirOrder() {
        store().insertIfAbsent(webhook("opened", "https://a.example/1"));

        store().save(webhook("opened", "https://c.example/3", "https://a.example/1", "https://b.example/2"));

        assertThat(store().get(domain, "opened")).contains(webhook("opened", "https://c.example/3", "https://a.example/1",
            "https://b.example/2"));
    }

    @Test
    void theDomainsWebhooksAreListedByName() {
        store().save(webhook("opened", "https://a.example/o"));
        store().save(webhook("clicked", "https://a.example/c"));
        store().save(webhook("delivered", "https://a.example/d"));

        assertThat(store().list(domain)).extracting(DomainWebhook::name).containsExactly("clicked", "delivered", "opened");
        assertThat(store().list(Domain.of(UUID.randomUUID() + ".contract.test"))).isEmpty();
    }

    @Test
    void deleteTellsWhetherTheWebhookExisted() {
        store().save(webhook("complained", "https://a.example/c"));

        assertThat(store().delete(domain, "complained")).isTrue();
        assertThat(store().delete(domain, "complained")).isFalse();
        assertThat(store().get(domain, "complained")).isEmpty();
    }

    @Test
    void deletingTheDomainForgetsAllItsWebhooks() {
        Domain other = Domain.of(UUID.randomUUID() + ".contract.test");
        store().save(webhook("opened", "https://a.example/o"));
        store().save(webhook("clicked", "https://a.example/c"));
        store().save(new DomainWebhook(other, "opened", List.of(URI.create("https://other.example/o"))));

        store().deleteDomain(domain);

        assertThat(store().list(domain)).isEmpty();
        assertThat(store().list(other)).hasSize(1);
        assertThat(store().insertIfAbsent(webhook("opened", "https://a.example/again"))).isTrue();
    }
}
