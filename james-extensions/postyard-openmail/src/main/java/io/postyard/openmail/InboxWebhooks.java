package io.postyard.openmail;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import javax.inject.Inject;

import io.postyard.core.account.AccountId;
import io.postyard.core.webhook.WebhookDelivery;
import io.postyard.core.webhook.WebhookDispatcher;
import io.postyard.core.webhook.WebhookOutbox;
import io.postyard.core.webhook.WebhookTarget;
import io.postyard.core.webhook.WebhookUrlPolicy;
import io.postyard.http.Json;
import io.postyard.http.JsonBody;
import io.postyard.openmail.store.OpenmailInbox;
import io.postyard.openmail.store.OpenmailWebhook;
import io.postyard.openmail.store.OpenmailWebhookStore;

/**
 * Where an inbox's events go: its own webhook if it has one, else its account's default. Setting a URL keeps the
 * secret already in place (receivers keep verifying); rotating replaces it. A test event goes through the delivery
 * engine like any other, signed and retried.
 */
class InboxWebhooks {
    /** The delivery engine's openmail scheme: X-Signature over "{timestamp}.{body}", X-Timestamp, X-Event-Id. */
    static final String SIGNING_SCHEME = "openmail";

    private final OpenmailWebhookStore store;
    private final WebhookUrlPolicy urlPolicy;
    private final WebhookOutbox outbox;
    private final WebhookDispatcher dispatcher;
    private final Clock clock;

    @Inject
    InboxWebhooks(OpenmailWebhookStore store, WebhookUrlPolicy urlPolicy, WebhookOutbox outbox, WebhookDispatcher dispatcher, Clock clock) {
        this.store = store;
        this.urlPolicy = urlPolicy;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    OpenmailWebhook set(String scope, AccountId account, String rawUrl) {
        URI url = WebhookUrlPolicy.parseHttpUrl(rawUrl)
            .orElseThrow(() -> JsonBody.invalid("url", "url must be an absolute http or https URL", "invalid url"));
        urlPolicy.refusal(url).ifPresent(reason -> {
            throw JsonBody.invalid("url", "url is refused: " + reason, "refused url");
        });
        String secret = store.get(scope).map(OpenmailWebhook::secret).orElseGet(InboxWebhooks::newSecret);
        OpenmailWebhook webhook = new OpenmailWebhook(scope, account, url, secret, clock.instant());
        store.save(webhook);
        return webhook;
    }

    Optional<OpenmailWebhook> get(String scope) {
        return store.get(scope);
    }

    OpenmailWebhook rotate(String scope) {
        OpenmailWebhook current = require(scope);
        OpenmailWebhook rotated = new OpenmailWebhook(scope, current.account(), current.url(), newSecret(), clock.instant());
        store.save(rotated);
        return rotated;
    }

    OpenmailWebhook delete(String scope) {
        OpenmailWebhook current = require(scope);
        store.delete(scope);
        return current;
    }

    /** The webhook the inbox's events go to: its own, else its account's default. */
    Optional<OpenmailWebhook> effective(OpenmailInbox inbox) {
        return store.get(OpenmailWebhook.inboxScope(inbox.id())).or(() -> store.get(OpenmailWebhook.accountScope(inbox.account())));
    }

    WebhookTarget target(OpenmailWebhook webhook, byte[] payload) {
        return new WebhookTarget("openmail:" + webhook.scope(), webhook.url(), SIGNING_SCHEME, webhook.secret(), payload);
    }

    /** Queues a {@code webhook.test} event to the inbox's webhook; tells its event id. */
    String sendTest(OpenmailInbox inbox, OpenmailWebhook webhook) {
        String eventId = OpenmailIds.event();
        Instant now = clock.instant();
        byte[] payload = Json.write(WebhookPayloads.test(eventId, now, inbox)).getBytes(StandardCharsets.UTF_8);
        WebhookDelivery delivery = WebhookDelivery.pending(eventId, target(webhook, payload), now);
        if (outbox.insertIfAbsent(delivery)) {
            dispatcher.dispatch(delivery.id());
        }
        return eventId;
    }

    private OpenmailWebhook require(String scope) {
        return store.get(scope).orElseThrow(() -> OpenmailErrors.notFound("Webhook"));
    }

    private static String newSecret() {
        return "whsec_" + OpenmailIds.randomHex(24);
    }
}
