package io.postyard.omypost;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import io.postyard.core.domain.OperatedDomains;
import io.postyard.core.mailbox.HostedMailboxKind;
import io.postyard.core.key.KeyKind;
import io.postyard.core.key.KeyPermissions;
import io.postyard.core.lifecycle.StartupTask;
import io.postyard.core.webhook.WebhookScheme;
import io.postyard.core.webhook.WebhookSubscriptionSource;
import io.postyard.http.ProviderApi;

public class OmyPostModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(OmyPostApi.class).in(Scopes.SINGLETON);
        bind(OmyPostDomain.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), ProviderApi.class).addBinding().to(OmyPostApi.class);
        Multibinder.newSetBinder(binder(), WebhookScheme.class).addBinding().toInstance(OmyPostWebhookScheme.SCHEME);
        Multibinder.newSetBinder(binder(), KeyKind.class).addBinding().toInstance(OmyPostAuthenticator.KIND);
        Multibinder.newSetBinder(binder(), KeyPermissions.class).addBinding()
            .toInstance(new KeyPermissions(OmyPostAuthenticator.KIND, Permission.all()));
        Multibinder.newSetBinder(binder(), StartupTask.class).addBinding().to(OmyPostDomain.class);
        Multibinder.newSetBinder(binder(), OperatedDomains.class).addBinding().to(OmyPostDomain.class);
        Multibinder.newSetBinder(binder(), HostedMailboxKind.class).addBinding().toInstance(new HostedMailboxKind(EmailsRoutes.PROVIDER, "OmyPost email accounts"));
        Multibinder.newSetBinder(binder(), WebhookSubscriptionSource.class).addBinding().to(OmyPostWebhookSubscriptions.class);
    }
}
