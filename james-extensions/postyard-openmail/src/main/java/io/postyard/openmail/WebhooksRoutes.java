package io.postyard.openmail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javax.inject.Inject;

import spark.Request;
import spark.Service;

import io.postyard.core.key.ApiKey;
import io.postyard.http.Authenticated;
import io.postyard.http.Json;
import io.postyard.http.JsonBody;
import io.postyard.openmail.store.OpenmailInbox;
import io.postyard.openmail.store.OpenmailWebhook;

/**
 * {@code /v1/webhook} (the account's default) and {@code /v1/inboxes/{id}/webhook} (an inbox's own, which overrides
 * it): set with {@code {url}}, read, delete, rotate the secret; and send an inbox a test event.
 */
class WebhooksRoutes {
    /** Which webhook a request is about: the key's account's default, or the inbox's own. */
    private record Scope(String scope, Optional<OpenmailInbox> inbox) {
    }

    private final InboxLookup inboxes;
    private final InboxWebhooks webhooks;

    @Inject
    WebhooksRoutes(InboxLookup inboxes, InboxWebhooks webhooks) {
        this.inboxes = inboxes;
        this.webhooks = webhooks;
    }

    void define(Service service, String base) {
        define(service, base + "/webhook", request -> {
            ApiKey key = Authenticated.require(request);
            return new Scope(OpenmailWebhook.accountScope(key.account()), Optional.empty());
        });
        define(service, base + "/inboxes/:id/webhook", request -> {
            OpenmailInbox inbox = inboxes.owned(Authenticated.require(request), request.params("id"));
            return new Scope(OpenmailWebhook.inboxScope(inbox.id()), Optional.of(inbox));
        });
        service.post(base + "/inboxes/:id/webhook/test", Json.route((request, response) -> {
            OpenmailInbox inbox = inboxes.owned(Authenticated.require(request), request.params("id"));
            OpenmailWebhook webhook = webhooks.effective(inbox)
                .orElseThrow(() -> OpenmailErrors.notFound("Webhook of inbox " + inbox.id() + " (and of its account)"));
            String eventId = webhooks.sendTest(inbox, webhook);
            response.status(202);
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("eventId", eventId);
            view.put("url", webhook.url().toString());
            return view;
        }));
    }

    private void define(Service service, String path, Function<Request, Scope> scopeOf) {
        service.put(path, Json.route((request, response) -> {
            Scope scope = scopeOf.apply(request);
            String url = JsonBody.parse(request).requireString("url");
            return view(webhooks.set(scope.scope(), Authenticated.require(request).account(), url), scope);
        }));
        service.get(path, Json.route((request, response) -> {
            Scope scope = scopeOf.apply(request);
            return view(webhooks.get(scope.scope()).orElseThrow(() -> OpenmailErrors.notFound("Webhook")), scope);
        }));
        service.delete(path, Json.route((request, response) -> {
            Scope scope = scopeOf.apply(request);
            Map<String, Object> view = view(webhooks.delete(scope.scope()), scope);
            view.remove("secret");
            view.put("deleted", true);
            return view;
        }));
        service.post(path + "/rotate-secret", Json.route((request, response) -> {
            Scope scope = scopeOf.apply(request);
            return view(webhooks.rotate(scope.scope()), scope);
        }));
    }

    private static Map<String, Object> view(OpenmailWebhook webhook, Scope scope) {
        Map<String, Object> view = new LinkedHashMap<>();
        scope.inbox().ifPresent(inbox -> view.put("inboxId", inbox.id()));
        view.put("url", webhook.url().toString());
        view.put("secret", webhook.secret());
        return view;
    }
}
