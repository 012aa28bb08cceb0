package io.postyard.omypost;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import io.postyard.core.event.PostyardEvent;
import io.postyard.core.webhook.AccountWebhook;
import io.postyard.core.webhook.AccountWebhookStore;
import io.postyard.core.webhook.WebhookSubscriptionSource;
import io.postyard.core.webhook.WebhookTarget;
import io.postyard.http.Json;

/**
 * The OmyPost webhooks an event goes to: the events of the OmyPost domain (mail received by, sent from, or the expiry
 * of an account), to every webhook of the owning account that asked for that event name.
 */
class OmyPostWebhookSubscriptions implements WebhookSubscriptionSource {
    /** The delivery engine's OmyPost scheme (docs/api/omypost.md): X-OmyPost-Signature over timestamp and body. */
    static final String SIGNING_SCHEME = "omypost";

    private final AccountWebhookStore webhooks;
    private final OmyPostDomain domain;

    @Inject
    OmyPostWebhookSubscriptions(AccountWebhookStore webhooks, OmyPostDomain domain) {
        this.webhooks = webhooks;
        this.domain = domain;
    }

    @Override
    public List<WebhookTarget> targetsFor(PostyardEvent event) {
        if (!event.domain().equals(domain.name())) {
            return List.of();
        }
        Optional<String> name = OmyPostEvents.nameOf(event);
        if (name.isEmpty()) {
            return List.of();
        }
        List<WebhookTarget> targets = new ArrayList<>();
        byte[] payload = null;
        for (AccountWebhook webhook : webhooks.list(event.account(), WebhooksRoutes.PROVIDER)) {
            if (!webhook.wants(name.get())) {
                continue;
            }
            if (payload == null) {
                payload = Json.write(OmyPostEvents.payload(name.get(), event, emailId(event))).getBytes(StandardCharsets.UTF_8);
            }
            targets.add(new WebhookTarget("omypost:" + webhook.id(), webhook.url(), SIGNING_SCHEME, webhook.secret(), payload));
        }
        return targets;
    }

    private static Optional<String> emailId(PostyardEvent event) {
        return Optional.ofNullable(event.details().get("mailbox-id"))
            .or(() -> Optional.ofNullable(event.userVariables().get(MessagesRoutes.EMAIL_ID_VARIABLE)));
    }
}
