package io.postyard.mailgun;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import io.postyard.core.account.SigningKeyService;
import io.postyard.core.event.EventType;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.event.Severity;
import io.postyard.core.sending.OutboundMetadata;
import io.postyard.core.webhook.WebhookStore;
import io.postyard.core.webhook.WebhookSubscriptionSource;
import io.postyard.core.webhook.WebhookTarget;
import io.postyard.http.Json;

/**
 * Mailgun's subscriptions: the domain's webhooks by name, and the message's {@code callback_url}. Payloads are the
 * events API's {@code event-data}, signed with the account's signing key.
 */
public class MailgunWebhookSubscriptions implements WebhookSubscriptionSource {
    public static final String SCHEME = "mailgun";
    public static final String CALLBACK_URL = OutboundMetadata.CALLBACK_URL_DETAIL;

    private final WebhookStore webhooks;
    private final SigningKeyService signingKeys;

    @Inject
    public MailgunWebhookSubscriptions(WebhookStore webhooks, SigningKeyService signingKeys) {
        this.webhooks = webhooks;
        this.signingKeys = signingKeys;
    }

    /** Mailgun's webhook name for an event; accepted/rejected/stored have none or map directly. */
    static Optional<String> webhookName(PostyardEvent event) {
        if (event.type() == EventType.FAILED) {
            return Optional.of(event.severity().orElse(Severity.PERMANENT) == Severity.TEMPORARY ? "temporary_fail" : "permanent_fail");
        }
        return switch (event.type()) {
            case ACCEPTED, DELIVERED, OPENED, CLICKED, UNSUBSCRIBED, COMPLAINED -> Optional.of(event.type().asString());
            default -> Optional.empty();
        };
    }

    @Override
    public List<WebhookTarget> targetsFor(PostyardEvent event) {
        List<WebhookTarget> targets = new ArrayList<>();
        Optional<String> name = webhookName(event);
        Optional<String> callback = Optional.ofNullable(event.details().get(CALLBACK_URL));
        if (name.isEmpty() && callback.isEmpty()) {
            return targets;
        }
        byte[] payload = Json.write(MailgunEventData.of(event)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String key = signingKeys.signingKey(event.account());
        name.flatMap(webhook -> webhooks.get(event.domain(), webhook)).ifPresent(webhook -> webhook.urls().forEach(url ->
            targets.add(new WebhookTarget("mailgun:" + event.domain().asString() + ":" + webhook.name(), url, SCHEME, key, payload))));
        callback.map(URI::create).ifPresent(url ->
            targets.add(new WebhookTarget("mailgun-callback:" + event.domain().asString(), url, SCHEME, key, payload)));
        return targets;
    }
}
