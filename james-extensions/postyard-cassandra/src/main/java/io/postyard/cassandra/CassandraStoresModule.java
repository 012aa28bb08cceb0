package io.postyard.cassandra;

import javax.inject.Named;
import javax.inject.Singleton;

import com.datastax.oss.driver.api.core.CqlSession;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.name.Names;

import io.postyard.core.account.AccountStore;
import io.postyard.core.account.SigningKeyStore;
import io.postyard.core.dkim.DkimKeyStore;
import io.postyard.core.domain.DomainStore;
import io.postyard.core.event.EventStore;
import io.postyard.core.job.TimedJob;
import io.postyard.core.key.ApiKeyStore;
import io.postyard.core.key.KeyUseStore;
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
 * Postyard's stores on Cassandra, in place of the memory ones: one session for all of them, opened on the configured
 * keyspace with every store's schema brought up to date first. It also renews this node's lease on the webhook
 * deliveries it claims (a timed job), which the memory outbox has no need of.
 */
public class CassandraStoresModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(AccountStore.class).to(CassandraAccountStore.class);
        bind(CassandraAccountStore.class).in(Scopes.SINGLETON);
        bind(SigningKeyStore.class).to(CassandraSigningKeyStore.class);
        bind(CassandraSigningKeyStore.class).in(Scopes.SINGLETON);
        bind(ApiKeyStore.class).to(CassandraApiKeyStore.class);
        bind(CassandraApiKeyStore.class).in(Scopes.SINGLETON);
        bind(KeyUseStore.class).to(CassandraKeyUseStore.class).in(Scopes.SINGLETON);
        bind(DomainStore.class).to(CassandraDomainStore.class);
        bind(CassandraDomainStore.class).in(Scopes.SINGLETON);
        bind(DkimKeyStore.class).to(CassandraDkimKeyStore.class);
        bind(CassandraDkimKeyStore.class).in(Scopes.SINGLETON);
        bind(SuppressionStore.class).to(CassandraSuppressionStore.class);
        bind(CassandraSuppressionStore.class).in(Scopes.SINGLETON);
        bind(WebhookStore.class).to(CassandraWebhookStore.class);
        bind(CassandraWebhookStore.class).in(Scopes.SINGLETON);
        bind(AccountWebhookStore.class).to(CassandraAccountWebhookStore.class);
        bind(CassandraAccountWebhookStore.class).in(Scopes.SINGLETON);
        bind(WebhookOutbox.class).to(CassandraWebhookOutbox.class);
        bind(CassandraWebhookOutbox.class).in(Scopes.SINGLETON);
        bind(StatsStore.class).to(CassandraStatsStore.class);
        bind(CassandraStatsStore.class).in(Scopes.SINGLETON);
        bind(EventStore.class).to(CassandraEventStore.class);
        bind(EventStore.class).annotatedWith(Names.named(EventStore.RECORDS)).to(CassandraEventStore.class);
        bind(CassandraEventStore.class).in(Scopes.SINGLETON);
        bind(HostedMailboxStore.class).to(CassandraHostedMailboxStore.class);
        bind(CassandraHostedMailboxStore.class).in(Scopes.SINGLETON);

        Multibinder<SchemaMigration> schema = Multibinder.newSetBinder(binder(), SchemaMigration.class);
        schema.addBinding().toInstance(TimeBuckets.SCHEMA);
        schema.addBinding().toInstance(TimeIndex.SCHEMA);
        schema.addBinding().toInstance(CassandraAccountStore.SCHEMA);
        schema.addBinding().toInstance(CassandraSigningKeyStore.SCHEMA);
        schema.addBinding().toInstance(CassandraApiKeyStore.SCHEMA);
        schema.addBinding().toInstance(CassandraKeyUseStore.SCHEMA);
        schema.addBinding().toInstance(CassandraDomainStore.SCHEMA);
        schema.addBinding().toInstance(CassandraDkimKeyStore.SCHEMA);
        schema.addBinding().toInstance(CassandraSuppressionStore.SCHEMA);
        schema.addBinding().toInstance(CassandraWebhookStore.SCHEMA);
        schema.addBinding().toInstance(CassandraAccountWebhookStore.SCHEMA);
        schema.addBinding().toInstance(CassandraWebhookOutbox.SCHEMA);
        schema.addBinding().toInstance(CassandraStatsStore.SCHEMA);
        schema.addBinding().toInstance(CassandraEventStore.SCHEMA);
        schema.addBinding().toInstance(CassandraHostedMailboxStore.SCHEMA);

        bind(StorageAvailability.class).to(CassandraAvailability.class);
        bind(CassandraAvailability.class).in(Scopes.SINGLETON);

        bind(LeasedWebhookOutbox.class).to(CassandraWebhookOutbox.class);
        Multibinder.newSetBinder(binder(), TimedJob.class).addBinding().to(AbandonedWebhookDeliveries.class);
        bind(PostyardCassandraSession.class).in(Scopes.SINGLETON);
    }

    @Provides
    @Singleton
    @Named(PostyardSession.NAME)
    CqlSession session(PostyardCassandraSession holder) {
        return holder.session();
    }
}
