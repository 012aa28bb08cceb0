package io.postyard.openmail;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import io.postyard.core.domain.OperatedDomains;
import io.postyard.core.mailbox.HostedMailboxKind;
import io.postyard.core.event.EventSubscriber;
import io.postyard.core.job.TimedJob;
import io.postyard.core.key.KeyKind;
import io.postyard.core.key.KeySecretPrefix;
import io.postyard.core.lifecycle.StartupTask;
import io.postyard.core.storage.StorageProfile;
import io.postyard.core.webhook.WebhookScheme;
import io.postyard.core.webhook.WebhookSubscriptionSource;
import io.postyard.http.ProviderApi;
import io.postyard.openmail.cassandra.CassandraOpenmailStoresModule;
import io.postyard.openmail.jdbc.JdbcOpenmailStoresModule;

public class OpenmailModule extends AbstractModule {
    private final StorageProfile storage;

    public OpenmailModule(StorageProfile storage) {
        this.storage = storage;
    }

    @Override
    protected void configure() {
        install(stores());
        bind(OpenmailApi.class).in(Scopes.SINGLETON);
        bind(OpenmailDomain.class).in(Scopes.SINGLETON);
        // One instance serialises the filing of messages in threads.
        bind(Conversations.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), ProviderApi.class).addBinding().to(OpenmailApi.class);
        Multibinder.newSetBinder(binder(), WebhookScheme.class).addBinding().toInstance(OpenmailWebhookScheme.SCHEME);
        Multibinder.newSetBinder(binder(), KeyKind.class).addBinding().toInstance(OpenmailAuthenticator.KIND);
        Multibinder.newSetBinder(binder(), KeySecretPrefix.class).addBinding()
            .toInstance(new KeySecretPrefix(OpenmailAuthenticator.KIND, OpenmailAuthenticator.SECRET_PREFIX));
        Multibinder.newSetBinder(binder(), StartupTask.class).addBinding().to(OpenmailDomain.class);
        Multibinder.newSetBinder(binder(), OperatedDomains.class).addBinding().to(OpenmailDomain.class);
        Multibinder.newSetBinder(binder(), HostedMailboxKind.class).addBinding().toInstance(new HostedMailboxKind(Inboxes.PROVIDER, "openmail inboxes"));
        Multibinder.newSetBinder(binder(), EventSubscriber.class).addBinding().to(InboundIndexer.class);
        Multibinder.newSetBinder(binder(), WebhookSubscriptionSource.class).addBinding().to(OpenmailWebhookSubscriptions.class);
        Multibinder.newSetBinder(binder(), TimedJob.class).addBinding().to(IdempotencyPurge.class);
    }

    private Module stores() {
        return switch (storage) {
            case EMBEDDED -> new JdbcOpenmailStoresModule();
            case MEMORY -> new MemoryOpenmailStoresModule();
            case CASSANDRA -> new CassandraOpenmailStoresModule();
        };
    }
}
