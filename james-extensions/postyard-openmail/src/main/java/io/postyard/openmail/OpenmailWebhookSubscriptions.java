package io.postyard.openmail;

import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.inject.Inject;

import io.postyard.core.event.PostyardEvent;
import io.postyard.core.webhook.WebhookSubscriptionSource;
import io.postyard.core.webhook.WebhookTarget;
import io.postyard.http.Json;

/** {@code message.received} for each mail an inbox receives, to the inbox's webhook or its account's default. */
class OpenmailWebhookSubscriptions implements WebhookSubscriptionSource {
    private final OpenmailDomain domain;
    private final InboundMail inbound;
    private final InboxWebhooks webhooks;
    private final MessageView views;

    @Inject
    OpenmailWebhookSubscriptions(OpenmailDomain domain, InboundMail inbound, InboxWebhooks webhooks, MessageView views) {
        this.domain = domain;
        this.inbound = inbound;
        this.webhooks = webhooks;
        this.views = views;
    }

    @Override
    public List<WebhookTarget> targetsFor(PostyardEvent event) {
        if (!event.domain().equals(domain.name())) {
            return List.of();
        }
        return inbound.of(event)
            .flatMap(received -> webhooks.effective(received.inbox()).map(webhook -> webhooks.target(webhook,
                Json.write(WebhookPayloads.messageReceived(event.id().value(), event.timestamp(), received.inbox(), received.message(), views))
                    .getBytes(StandardCharsets.UTF_8))))
            .stream().toList();
    }
}
