package io.postyard.camel;

import org.apache.camel.RoutesBuilder;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;

import io.postyard.camel.job.TimedJobRoutes;
import io.postyard.camel.stats.StatsEventSubscriber;
import io.postyard.camel.stats.StatsRoutes;
import io.postyard.camel.webhook.CamelWebhookDispatcher;
import io.postyard.camel.webhook.HttpWebhookProbe;
import io.postyard.camel.webhook.PendingDeliveriesSweep;
import io.postyard.camel.webhook.WebhookDeliveryRoutes;
import io.postyard.camel.webhook.WebhookEventSubscriber;
import io.postyard.core.event.EventSubscriber;
import io.postyard.core.job.TimedJob;
import io.postyard.core.webhook.WebhookDispatcher;
import io.postyard.core.webhook.WebhookOutboxPruning;
import io.postyard.core.webhook.WebhookProbe;
import io.postyard.core.webhook.WebhookScheme;
import io.postyard.core.webhook.WebhookSubscriptionSource;

public class CamelRoutesModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(CamelRuntime.class).in(Scopes.SINGLETON);
        bind(WebhookDispatcher.class).to(CamelWebhookDispatcher.class);
        bind(CamelWebhookDispatcher.class).in(Scopes.SINGLETON);
        bind(WebhookProbe.class).to(HttpWebhookProbe.class);
        bind(HttpWebhookProbe.class).in(Scopes.SINGLETON);

        Multibinder<RoutesBuilder> routes = Multibinder.newSetBinder(binder(), RoutesBuilder.class);
        routes.addBinding().to(WebhookDeliveryRoutes.class);
        routes.addBinding().to(PendingDeliveriesSweep.class);
        routes.addBinding().to(StatsRoutes.class);
        routes.addBinding().to(TimedJobRoutes.class);

        Multibinder<EventSubscriber> subscribers = Multibinder.newSetBinder(binder(), EventSubscriber.class);
        subscribers.addBinding().to(WebhookEventSubscriber.class);
        subscribers.addBinding().to(StatsEventSubscriber.class);

        Multibinder.newSetBinder(binder(), WebhookSubscriptionSource.class);
        Multibinder.newSetBinder(binder(), WebhookScheme.class);
        Multibinder.newSetBinder(binder(), TimedJob.class).addBinding().to(WebhookOutboxPruning.class);
    }
}
