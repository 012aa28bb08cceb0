package io.postyard.server;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.name.Names;

import io.postyard.core.account.AccountStore;
import io.postyard.core.account.MemoryAccountStore;
import io.postyard.core.account.MemorySigningKeyStore;
import io.postyard.core.account.SigningKeyStore;
import io.postyard.core.dkim.DkimKeyStore;
import io.postyard.core.dkim.MemoryDkimKeyStore;
import io.postyard.core.domain.DomainStore;
import io.postyard.core.domain.MemoryDomainStore;
import io.postyard.core.event.EventStore;
import io.postyard.core.event.MemoryEventStore;
import io.postyard.core.key.ApiKeyStore;
import io.postyard.core.key.KeyUseStore;
import io.postyard.core.key.MemoryApiKeyStore;
import io.postyard.core.key.MemoryKeyUseStore;
import io.postyard.core.mailbox.HostedMailboxStore;
import io.postyard.core.mailbox.MemoryHostedMailboxStore;
import io.postyard.core.stats.MemoryStatsStore;
import io.postyard.core.stats.StatsStore;
import io.postyard.core.storage.StorageAvailability;
import io.postyard.core.suppression.MemorySuppressionStore;
import io.postyard.core.suppression.SuppressionStore;
import io.postyard.core.webhook.AccountWebhookStore;
import io.postyard.core.webhook.MemoryAccountWebhookStore;
import io.postyard.core.webhook.MemoryWebhookOutbox;
import io.postyard.core.webhook.MemoryWebhookStore;
import io.postyard.core.webhook.WebhookOutbox;
import io.postyard.core.webhook.WebhookStore;

/** Postyard's stores held in memory, as James's memory profile holds mail: for tests and a quick start. */
public class MemoryStoresModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(StorageAvailability.class).toInstance(StorageAvailability.IN_PROCESS);
        bind(AccountStore.class).to(MemoryAccountStore.class);
        bind(MemoryAccountStore.class).in(Scopes.SINGLETON);
        bind(ApiKeyStore.class).to(MemoryApiKeyStore.class);
        bind(MemoryApiKeyStore.class).in(Scopes.SINGLETON);
        bind(KeyUseStore.class).to(MemoryKeyUseStore.class).in(Scopes.SINGLETON);
        bind(DomainStore.class).to(MemoryDomainStore.class);
        bind(MemoryDomainStore.class).in(Scopes.SINGLETON);
        bind(SuppressionStore.class).to(MemorySuppressionStore.class);
        bind(MemorySuppressionStore.class).in(Scopes.SINGLETON);
        bind(WebhookStore.class).to(MemoryWebhookStore.class);
        bind(MemoryWebhookStore.class).in(Scopes.SINGLETON);
        bind(SigningKeyStore.class).to(MemorySigningKeyStore.class);
        bind(MemorySigningKeyStore.class).in(Scopes.SINGLETON);
        bind(DkimKeyStore.class).to(MemoryDkimKeyStore.class);
        bind(MemoryDkimKeyStore.class).in(Scopes.SINGLETON);
        bind(WebhookOutbox.class).to(MemoryWebhookOutbox.class);
        bind(MemoryWebhookOutbox.class).in(Scopes.SINGLETON);
        bind(StatsStore.class).to(MemoryStatsStore.class);
        bind(MemoryStatsStore.class).in(Scopes.SINGLETON);
        bind(HostedMailboxStore.class).to(MemoryHostedMailboxStore.class);
        bind(MemoryHostedMailboxStore.class).in(Scopes.SINGLETON);
        bind(AccountWebhookStore.class).to(MemoryAccountWebhookStore.class);
        bind(MemoryAccountWebhookStore.class).in(Scopes.SINGLETON);
        bind(EventStore.class).to(MemoryEventStore.class);
        bind(EventStore.class).annotatedWith(Names.named(EventStore.RECORDS)).to(MemoryEventStore.class);
        bind(MemoryEventStore.class).in(Scopes.SINGLETON);
    }
}
