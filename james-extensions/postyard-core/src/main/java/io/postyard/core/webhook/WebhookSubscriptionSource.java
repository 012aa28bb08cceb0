package io.postyard.core.webhook;

import java.util.List;

import io.postyard.core.event.PostyardEvent;

/**
 * A provider's webhook subscriptions: which targets an event goes to. Each provider contributes one, so the delivery
 * engine stays provider-neutral.
 */
public interface WebhookSubscriptionSource {
    List<WebhookTarget> targetsFor(PostyardEvent event);
}
