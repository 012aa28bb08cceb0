package io.postyard.mailgun;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;

import io.postyard.core.domain.DomainCleanup;
import io.postyard.core.event.EventSubscriber;
import io.postyard.core.inbound.InboundRouter;
import io.postyard.core.job.TimedJob;
import io.postyard.core.storage.StorageProfile;
import io.postyard.core.webhook.WebhookScheme;
import io.postyard.core.webhook.WebhookSubscriptionSource;
import io.postyard.http.ProviderApi;
import io.postyard.mailgun.cassandra.CassandraMailgunStoresModule;
import io.postyard.mailgun.credential.CredentialService;
import io.postyard.mailgun.domain.MailgunDomainSettingsStore;
import io.postyard.mailgun.inbound.MailgunInboundRouter;
import io.postyard.mailgun.inbound.ReceivedMessageExpiry;
import io.postyard.mailgun.inbound.RoutePostSigner;
import io.postyard.mailgun.jdbc.JdbcMailgunStoresModule;
import io.postyard.mailgun.list.ListUnsubscribes;
import io.postyard.mailgun.list.MailingListRouter;
import io.postyard.mailgun.list.MailingListService;
import io.postyard.mailgun.tag.TagRecorder;
import io.postyard.mailgun.tag.TagStore;
import io.postyard.mailgun.template.TemplateRenderer;
import io.postyard.mailgun.template.TemplateStore;

public class MailgunModule extends AbstractModule {
    private final StorageProfile storage;

    public MailgunModule(StorageProfile storage) {
        this.storage = storage;
    }

    @Override
    protected void configure() {
        install(stores());
        bind(MailgunApi.class).in(Scopes.SINGLETON);
        bind(CredentialService.class).in(Scopes.SINGLETON);
        bind(TemplateRenderer.class).in(Scopes.SINGLETON);
        bind(TagRecorder.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), EventSubscriber.class).addBinding().to(TagRecorder.class);
        Multibinder.newSetBinder(binder(), ProviderApi.class).addBinding().to(MailgunApi.class);
        Multibinder.newSetBinder(binder(), WebhookScheme.class).addBinding().toInstance(MailgunWebhookScheme.SCHEME);
        Multibinder.newSetBinder(binder(), WebhookSubscriptionSource.class).addBinding().to(MailgunWebhookSubscriptions.class);
        bind(MailgunInboundRouter.class).in(Scopes.SINGLETON);
        bind(RoutePostSigner.class).in(Scopes.SINGLETON);
        Multibinder<InboundRouter> inboundRouters = Multibinder.newSetBinder(binder(), InboundRouter.class);
        inboundRouters.addBinding().to(MailingListRouter.class);
        inboundRouters.addBinding().to(MailgunInboundRouter.class);
        bind(MailingListService.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), EventSubscriber.class).addBinding().to(ListUnsubscribes.class);
        Multibinder.newSetBinder(binder(), TimedJob.class).addBinding().to(ReceivedMessageExpiry.class);
    }

    @ProvidesIntoSet
    WebhookScheme routePosts(RoutePostSigner signer) {
        return signer.scheme();
    }

    @ProvidesIntoSet
    DomainCleanup credentialsCleanup(CredentialService credentials) {
        return credentials::deleteAll;
    }

    @ProvidesIntoSet
    DomainCleanup templatesCleanup(TemplateStore templates) {
        return templates::deleteDomain;
    }

    @ProvidesIntoSet
    DomainCleanup settingsCleanup(MailgunDomainSettingsStore settings) {
        return settings::delete;
    }

    @ProvidesIntoSet
    DomainCleanup tagsCleanup(TagStore tags, TagRecorder recorder) {
        return domain -> {
            tags.deleteAll(domain);
            recorder.forget(domain);
        };
    }

    private Module stores() {
        return switch (storage) {
            case EMBEDDED -> new JdbcMailgunStoresModule();
            case MEMORY -> new MemoryMailgunStoresModule();
            case CASSANDRA -> new CassandraMailgunStoresModule();
        };
    }
}
