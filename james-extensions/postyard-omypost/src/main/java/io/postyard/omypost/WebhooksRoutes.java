package io.postyard.omypost;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import io.postyard.core.key.ApiKey;
import io.postyard.core.webhook.AccountWebhook;
import io.postyard.core.webhook.AccountWebhookStore;
import io.postyard.core.webhook.WebhookUrlPolicy;
import io.postyard.http.ApiException;
import io.postyard.http.Json;
import io.postyard.http.JsonBody;
import spark.Request;
import spark.Response;
import spark.Service;

/** {@code /v1/webhooks}: where an account's events are posted, signed with the webhook's secret. */
class WebhooksRoutes {
    static final String PROVIDER = "omypost";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_SECRET = 256;

    private final AccountWebhookStore webhooks;
    private final WebhookUrlPolicy urlPolicy;
    private final Clock clock;

    @Inject
    WebhooksRoutes(AccountWebhookStore webhooks, WebhookUrlPolicy urlPolicy, Clock clock) {
        this.webhooks = webhooks;
        this.urlPolicy = urlPolicy;
        this.clock = clock;
    }

    void define(Service service, String base) {
        service.post(base + "/webhooks", Json.route(this::create));
        service.get(base + "/webhooks", Json.route((request, response) -> list(request)));
        service.delete(base + "/webhooks", Json.route((request, response) -> deleteAll(request)));
        service.get(base + "/webhooks/:id", Json.route((request, response) -> view(owned(request, Permission.WEBHOOKS_READ))));
        service.patch(base + "/webhooks/:id", Json.route((request, response) -> update(request)));
        service.delete(base + "/webhooks/:id", Json.route((request, response) -> delete(request)));
    }

    private Map<String, Object> create(Request request, Response response) {
        ApiKey key = OmyPostAccess.require(request, Permission.WEBHOOKS_WRITE);
        JsonBody body = JsonBody.parse(request);
        URI url = url(body);
        Set<String> events = events(body);
        String secret = secret(body).orElseGet(WebhooksRoutes::newSecret);
        AccountWebhook webhook = new AccountWebhook("wh_" + randomHex(12), PROVIDER, key.account(), url, events, secret, clock.instant());
        webhooks.save(webhook);
        response.status(201);
        Map<String, Object> view = view(webhook);
        view.put("secret", secret);
        return view;
    }

    /**
     * {@code PATCH /webhooks/{id}}: the fields the body names, checked as {@code POST} checks them, replace the
     * webhook's; the others stay. A blank secret, which {@code POST} replaces with a generated one, keeps the current
     * one here: a new secret nobody was shown would break the receiver's checks.
     */
    private Map<String, Object> update(Request request) {
        AccountWebhook webhook = owned(request, Permission.WEBHOOKS_WRITE);
        JsonBody body = JsonBody.parse(request);
        URI url = body.has("url") ? url(body) : webhook.url();
        Set<String> events = body.has("events") ? events(body) : webhook.events();
        String secret = secret(body).orElse(webhook.secret());
        AccountWebhook changed = new AccountWebhook(webhook.id(), webhook.provider(), webhook.account(), url, events, secret,
            webhook.createdAt());
        webhooks.save(changed);
        return view(changed);
    }

    private URI url(JsonBody body) {
        URI url = WebhookUrlPolicy.parseHttpUrl(body.requireString("url"))
            .orElseThrow(() -> JsonBody.invalid("url", "Invalid webhook URL", "Must be an absolute http or https URL"));
        urlPolicy.refusal(url).ifPresent(reason -> {
            throw JsonBody.invalid("url", "Webhook URL refused", reason);
        });
        return url;
    }

    /** The event names asked for; none (or {@code null}) means all of them. */
    private static Set<String> events(JsonBody body) {
        Set<String> events = new LinkedHashSet<>(body.strings("events").orElse(List.of()));
        for (String event : events) {
            if (!OmyPostEvents.ALL.contains(event)) {
                throw JsonBody.invalid("events", "Unknown event '" + event + "'", "Must be among " + new java.util.TreeSet<>(OmyPostEvents.ALL));
            }
        }
        return events;
    }

    /** The secret the body gives, if it gives one that is not blank. */
    private static Optional<String> secret(JsonBody body) {
        Optional<String> secret = body.string("secret").filter(value -> !value.isBlank());
        if (secret.isPresent() && secret.get().length() > MAX_SECRET) {
            throw JsonBody.invalid("secret", "Secret is too long", "At most " + MAX_SECRET + " characters are allowed");
        }
        return secret;
    }

    private Map<String, Object> list(Request request) {
        ApiKey key = OmyPostAccess.require(request, Permission.WEBHOOKS_READ);
        return Map.of("data", webhooks.list(key.account(), PROVIDER).stream().map(WebhooksRoutes::view).toList());
    }

    private Map<String, Object> delete(Request request) {
        AccountWebhook webhook = owned(request, Permission.WEBHOOKS_WRITE);
        webhooks.delete(webhook.id());
        return Map.of("id", webhook.id(), "deleted", true);
    }

    private Map<String, Object> deleteAll(Request request) {
        ApiKey key = OmyPostAccess.require(request, Permission.WEBHOOKS_WRITE);
        List<AccountWebhook> all = webhooks.list(key.account(), PROVIDER);
        all.forEach(webhook -> webhooks.delete(webhook.id()));
        return Map.of("deleted", all.size());
    }

    private AccountWebhook owned(Request request, Permission permission) {
        ApiKey key = OmyPostAccess.require(request, permission);
        String id = request.params("id");
        return webhooks.get(id)
            .filter(webhook -> webhook.provider().equals(PROVIDER) && webhook.account().equals(key.account()))
            .orElseThrow(() -> ApiException.notFound("Webhook " + id + " not found"));
    }

    /** Without the secret: it is shown once, when the webhook is created. */
    private static Map<String, Object> view(AccountWebhook webhook) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", webhook.id());
        view.put("url", webhook.url().toString());
        view.put("events", webhook.events().isEmpty() ? List.copyOf(new java.util.TreeSet<>(OmyPostEvents.ALL)) : List.copyOf(webhook.events()));
        view.put("created_at", OmyPostTimes.format(webhook.createdAt()));
        return view;
    }

    private static String newSecret() {
        return "whsec_" + randomHex(24);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
