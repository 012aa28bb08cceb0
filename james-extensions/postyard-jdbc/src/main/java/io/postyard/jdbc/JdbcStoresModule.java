package io.postyard.jdbc;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.name.Names;

import io.postyard.core.account.AccountStore;
import io.postyard.core.account.SigningKeyStore;
import io.postyard.core.dkim.CachedDkimKeyStore;
import io.postyard.core.dkim.DkimKeyStore;
import io.postyard.core.domain.CachedDomainStore;
import io.postyard.core.domain.DomainStore;
import io.postyard.core.event.EventStore;
import io.postyard.core.job.TimedJob;
import io.postyard.core.key.ApiKeyStore;
import io.postyard.core.key.CachedApiKeyStore;
import io.postyard.core.key.KeyUseStore;
import io.postyard.core.mailbox.CachedHostedMailboxStore;
import io.postyard.core.mailbox.HostedMailboxStore;
import io.postyard.core.stats.StatsStore;
import io.postyard.core.storage.StorageAvailability;
import io.postyard.core.suppression.SuppressionStore;
import io.postyard.core.webhook.AbandonedWebhookDeliveries;
import io.postyard.core.webhook.AccountWebhookStore;
import io.postyard.core.webhook.LeasedWebhookOutbox;
import io.postyard.core.webhook.WebhookOutbox;
import io.postyard.core.webhook.WebhookStore;

/**
 * Core's stores in the SQL database, for the embedded profile, with their tables; the pool that serves them, James's
 * JPA entities and the providers' stores alike.
 */
public class JdbcStoresModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(PostyardDatabase.class).in(Scopes.SINGLETON);
        bind(StorageAvailability.class).to(JdbcAvailability.class);
        bind(JdbcAvailability.class).in(Scopes.SINGLETON);

        Multibinder<JdbcMigration> schema = Multibinder.newSetBinder(binder(), JdbcMigration.class);
        bind(AccountStore.class).to(JdbcAccountStore.class);
        bind(JdbcAccountStore.class).in(Scopes.SINGLETON);
        schema.addBinding().toInstance(JdbcAccountStore.SCHEMA);
        bind(SigningKeyStore.class).to(JdbcSigningKeyStore.class);
        bind(JdbcSigningKeyStore.class).in(Scopes.SINGLETON);
        schema.addBinding().toInstance(JdbcSigningKeyStore.SCHEMA);
        bind(JdbcDkimKeyStore.class).in(Scopes.SINGLETON);
        schema.addBinding().toInstance(JdbcDkimKeyStore.SCHEMA);
        bind(JdbcApiKeyStore.class).in(Scopes.SINGLETON);
        bind(KeyUseStore.class).to(JdbcKeyUseStore.class).in(Scopes.SINGLETON);
        schema.addBinding().toInstance(JdbcKeyUseStore.SCHEMA);
        schema.addBinding().toInstance(JdbcApiKeyStore.SCHEMA);
        bind(JdbcDomainStore.class).in(Scopes.SINGLETON);
        schema.addBinding().toInstance(JdbcDomainStore.SCHEMA);
        bind(SuppressionStore.class).to(JdbcSuppressionStore.class);
        bind(JdbcSuppressionStore.class).in(Scopes.SINGLETON);
        schema.addBinding().toInstance(JdbcSuppressionStore.SCHEMA);
        bind(WebhookStore.class).to(JdbcWebhookStore.class);
        bind(JdbcWebhookStore.class).in(Scopes.SINGLETON);
        schema.addBinding().toInstance(JdbcWebhookStore.SCHEMA);
        bind(AccountWebhookStore.class).to(JdbcAccountWebhookStore.class);
        bind(JdbcAccountWebhookStore.class).in(Scopes.SINGLETON);
        schema.addBinding().toInstance(JdbcAccountWebhookStore.SCHEMA);
        bind(JdbcHostedMailboxStore.class).in(Scopes.SINGLETON);
        schema.addBinding().toInstance(JdbcHostedMailboxStore.SCHEMA);
        bind(StatsStore.class).to(JdbcStatsStore.class);
        bind(JdbcStatsStore.class).in(Scopes.SINGLETON);
        schema.addBinding().toInstance(JdbcStatsStore.SCHEMA);
        bind(EventStore.class).to(JdbcEventStore.class);
        bind(EventStore.class).annotatedWith(Names.named(EventStore.RECORDS)).to(JdbcEventStore.class);
        bind(JdbcEventStore.class).in(Scopes.SINGLETON);
        schema.addBinding().toInstance(JdbcEventStore.SCHEMA);
        bind(WebhookOutbox.class).to(JdbcWebhookOutbox.class);
        bind(JdbcWebhookOutbox.class).in(Scopes.SINGLETON);
        schema.addBinding().toInstance(JdbcWebhookOutbox.SCHEMA);
        bind(LeasedWebhookOutbox.class).to(JdbcWebhookOutbox.class);
        Multibinder.newSetBinder(binder(), TimedJob.class).addBinding().to(AbandonedWebhookDeliveries.class);
    }

    /** This node is the only writer of its database: mail routing's questions about a domain are answered from memory. */
    @Provides
    @Singleton
    DomainStore domains(JdbcDomainStore store) {
        return new CachedDomainStore(store);
    }

    /** As the domains: every outgoing mail is signed with its domain's key. */
    @Provides
    @Singleton
    DkimKeyStore dkimKeys(JdbcDkimKeyStore store) {
        return new CachedDkimKeyStore(store);
    }

    /** As the domains: every API request authenticates its key. */
    @Provides
    @Singleton
    ApiKeyStore apiKeys(JdbcApiKeyStore store) {
        return new CachedApiKeyStore(store);
    }

    /** As the domains: SMTP looks up every recipient's hosted mailbox. */
    @Provides
    @Singleton
    HostedMailboxStore hostedMailboxes(JdbcHostedMailboxStore store) {
        return new CachedHostedMailboxStore(store);
    }
}
