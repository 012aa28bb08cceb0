package io.postyard.camel.webhook;

import java.time.Clock;
import java.util.Set;

import javax.inject.Inject;

import io.postyard.core.event.EventSubscriber;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.webhook.WebhookDelivery;
import io.postyard.core.webhook.WebhookDispatcher;
import io.postyard.core.webhook.WebhookOutbox;
import io.postyard.core.webhook.WebhookSubscriptionSource;
import io.postyard.core.webhook.WebhookTarget;

/**
 * Turns each event into one outbox delivery per matching URL, then hands it to the engine. The delivery id is derived
 * from the event id and URL, so an event published twice is delivered once.
 */
public class WebhookEventSubscriber implements EventSubscriber {
    private final Set<WebhookSubscriptionSource> sources;
    private final WebhookOutbox outbox;
    private final WebhookDispatcher dispatcher;
    private final Clock clock;

    @Inject
    public WebhookEventSubscriber(Set<WebhookSubscriptionSource> sources, WebhookOutbox outbox, WebhookDispatcher dispatcher, Clock clock) {
        this.sources = Set.copyOf(sources);
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Override
    public void onEvent(PostyardEvent event) {
        for (WebhookSubscriptionSource source : sources) {
            for (WebhookTarget target : source.targetsFor(event)) {
                WebhookDelivery delivery = WebhookDelivery.pending(event.id().value(), target, clock.instant());
                if (outbox.insertIfAbsent(delivery)) {
                    dispatcher.dispatch(delivery.id());
                }
            }
        }
    }
}
