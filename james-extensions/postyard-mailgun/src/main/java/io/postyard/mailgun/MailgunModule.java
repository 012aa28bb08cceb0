package io.postyard.mailgun;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import io.postyard.core.webhook.WebhookSubscriptionSource;
import io.postyard.http.ProviderApi;

public class MailgunModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(MailgunApi.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), ProviderApi.class).addBinding().to(MailgunApi.class);
        Multibinder.newSetBinder(binder(), WebhookSubscriptionSource.class).addBinding().to(MailgunWebhookSubscriptions.class);
    }
}
