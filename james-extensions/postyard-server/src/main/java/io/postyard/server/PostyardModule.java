package io.postyard.server;

import org.apache.james.utils.GuiceProbe;
import org.apache.james.utils.InitializationOperation;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;

import io.postyard.core.account.SigningKeyService;
import io.postyard.core.address.AddressListParser;
import io.postyard.core.address.AddressValidator;
import io.postyard.core.dkim.DkimKeyGenerator;
import io.postyard.core.dns.DnsJavaResolver;
import io.postyard.core.dns.DnsResolver;
import io.postyard.core.domain.DomainCleanup;
import io.postyard.core.domain.DomainOwnershipTokens;
import io.postyard.core.domain.DomainPolicy;
import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.DomainVerifier;
import io.postyard.core.domain.ExpectedDnsRecords;
import io.postyard.core.domain.OperatedDomains;
import io.postyard.core.event.EventHistory;
import io.postyard.core.event.EventPublisher;
import io.postyard.core.inbound.InboundRouter;
import io.postyard.core.job.TimedJob;
import io.postyard.core.key.KeyUses;
import io.postyard.core.mailbox.HostedMailboxKind;
import io.postyard.core.key.ApiKeyService;
import io.postyard.core.key.KeyAdministration;
import io.postyard.core.key.KeyKind;
import io.postyard.core.key.KeyPermissions;
import io.postyard.core.key.KeySecretPrefix;
import io.postyard.core.lifecycle.StartupTask;
import io.postyard.core.mailbox.HostedMailboxExpiry;
import io.postyard.core.mailbox.HostedMailboxService;
import io.postyard.core.mailbox.MailUsers;
import io.postyard.core.mailbox.MailUserPolicy;
import io.postyard.core.mailbox.MailboxMessages;
import io.postyard.core.mailbox.ReservedLocalParts;
import io.postyard.core.sending.SenderIdentities;
import io.postyard.core.sending.SendingService;
import io.postyard.core.settings.PostyardSettings;
import io.postyard.core.settings.Setting;
import io.postyard.core.stats.StatsService;
import io.postyard.core.suppression.SuppressionService;
import io.postyard.core.tracking.TrackingTokens;
import io.postyard.core.webhook.WebhookStore;
import io.postyard.core.webhook.WebhookUrlPolicy;
import io.postyard.http.ProviderApi;
import io.postyard.http.PublicHttpServer;
import io.postyard.http.KeyAuthentication;
import io.postyard.http.RateLimiter;
import io.postyard.http.tracking.TrackingApi;

/** Postyard's services, the public HTTP server and its start-up, in James's injector. */
public class PostyardModule extends AbstractModule {
    private final PostyardSettings settings;

    public PostyardModule(PostyardSettings settings) {
        this.settings = settings;
    }

    /** The resolvers of {@code POSTYARD_DNS_SERVERS}, or the system's when it is empty. */
    @Provides
    @Singleton
    DnsResolver dnsResolver() {
        return new DnsJavaResolver(settings.list(Setting.DNS_SERVERS));
    }

    @Provides
    @Singleton
    TrackingTokens trackingTokens() {
        return new TrackingTokens(TrackingSecret.load(settings));
    }

    /** The ownership tokens accounts publish in TXT records, derived from the same server secret. */
    @Provides
    @Singleton
    DomainOwnershipTokens domainOwnershipTokens() {
        return new DomainOwnershipTokens(TrackingSecret.load(settings));
    }

    @ProvidesIntoSet
    DomainCleanup suppressionsCleanup(SuppressionService suppressions) {
        return suppressions::deleteDomain;
    }

    @ProvidesIntoSet
    DomainCleanup webhooksCleanup(WebhookStore webhooks) {
        return webhooks::deleteDomain;
    }

    @Override
    protected void configure() {
        bind(PostyardSettings.class).toInstance(settings);

        bind(ApiKeyService.class).in(Scopes.SINGLETON);
        bind(KeyAdministration.class).in(Scopes.SINGLETON);
        bind(DomainService.class).in(Scopes.SINGLETON);
        bind(SuppressionService.class).in(Scopes.SINGLETON);
        bind(SigningKeyService.class).in(Scopes.SINGLETON);
        bind(DomainPolicy.class).in(Scopes.SINGLETON);
        bind(ExpectedDnsRecords.class).in(Scopes.SINGLETON);
        bind(DkimKeyGenerator.class).in(Scopes.SINGLETON);
        bind(DomainVerifier.class).in(Scopes.SINGLETON);
        bind(AddressValidator.class).in(Scopes.SINGLETON);
        bind(AddressListParser.class).in(Scopes.SINGLETON);
        bind(SendingService.class).in(Scopes.SINGLETON);
        bind(SenderIdentities.class).in(Scopes.SINGLETON);
        bind(ReservedLocalParts.class).in(Scopes.SINGLETON);
        bind(StatsService.class).in(Scopes.SINGLETON);
        bind(WebhookUrlPolicy.class).in(Scopes.SINGLETON);
        bind(EventHistory.class).in(Scopes.SINGLETON);
        bind(EventPublisher.class).in(Scopes.SINGLETON);
        bind(RateLimiter.class).in(Scopes.SINGLETON);
        bind(KeyAuthentication.class).in(Scopes.SINGLETON);
        bind(PublicHttpServer.class).in(Scopes.SINGLETON);
        bind(AccountBootstrap.class).in(Scopes.SINGLETON);
        bind(MailUsers.class).in(Scopes.SINGLETON);
        bind(HostedMailboxService.class).in(Scopes.SINGLETON);
        bind(MailboxMessages.class).in(Scopes.SINGLETON);
        bind(KeyUses.class).in(Scopes.SINGLETON);

        Multibinder<KeyKind> keyKinds = Multibinder.newSetBinder(binder(), KeyKind.class);
        keyKinds.addBinding().toInstance(KeyKind.PRIMARY);
        keyKinds.addBinding().toInstance(KeyKind.DOMAIN_SENDING);
        Multibinder.newSetBinder(binder(), KeyPermissions.class);
        Multibinder.newSetBinder(binder(), KeySecretPrefix.class);
        Multibinder.newSetBinder(binder(), StartupTask.class);
        Multibinder.newSetBinder(binder(), OperatedDomains.class);
        Multibinder.newSetBinder(binder(), InboundRouter.class);
        Multibinder.newSetBinder(binder(), HostedMailboxKind.class);
        Multibinder.newSetBinder(binder(), MailUserPolicy.class);
        Multibinder.newSetBinder(binder(), TimedJob.class).addBinding().to(HostedMailboxExpiry.class);
        Multibinder.newSetBinder(binder(), ProviderApi.class).addBinding().to(TrackingApi.class);

        Multibinder.newSetBinder(binder(), InitializationOperation.class).addBinding().to(PostyardStartup.class);
        Multibinder.newSetBinder(binder(), GuiceProbe.class).addBinding().to(PostyardProbe.class);
    }
}
