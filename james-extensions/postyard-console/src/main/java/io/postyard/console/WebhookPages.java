package io.postyard.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.inject.Named;

import io.postyard.core.account.AccountId;
import io.postyard.core.domain.DomainService;
import io.postyard.core.domain.MailDomain;
import io.postyard.core.event.EventId;
import io.postyard.core.event.EventStore;
import io.postyard.core.webhook.DeliveryStatus;
import io.postyard.core.webhook.WebhookDelivery;
import io.postyard.core.webhook.WebhookOutbox;
import io.postyard.core.webhook.WebhookReplays;
import io.postyard.core.webhook.WebhookStore;
import io.postyard.http.ApiException;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The account's webhooks: each domain's configured URLs, and the deliveries of the account's events (the outbox: its
 * status, attempts, last answer or error), where a dead or refused one can be sent again. A delivery is the account's
 * when the event it carries is; the outbox keeps the last attempt of each, not every attempt.
 */
class WebhookPages {
    private static final int PER_STATUS = 100;

    private final DomainService domains;
    private final WebhookStore webhooks;
    private final WebhookOutbox outbox;
    private final WebhookReplays replays;
    private final EventStore events;
    private final Templates templates;

    @Inject
    WebhookPages(DomainService domains, WebhookStore webhooks, WebhookOutbox outbox, WebhookReplays replays,
                 @Named(EventStore.RECORDS) EventStore events, Templates templates) {
        this.domains = domains;
        this.webhooks = webhooks;
        this.outbox = outbox;
        this.replays = replays;
        this.events = events;
        this.templates = templates;
    }

    void define(Service service) {
        service.get(ConsoleApi.PREFIX + "/webhooks", this::page);
        service.post(ConsoleApi.PREFIX + "/webhooks/deliveries/:id/replay", this::replay);
    }

    private Object page(Request request, Response response) {
        ConsoleSession session = ConsoleAccess.session(request);
        List<Map<String, Object>> configured = new ArrayList<>();
        for (MailDomain domain : domains.list(session.account(), Optional.empty())) {
            webhooks.list(domain.name()).forEach(webhook -> configured.add(Map.of("domain", domain.name().asString(), "name", webhook.name(),
                "urls", webhook.urls().stream().map(Object::toString).collect(Collectors.joining(" ")))));
        }
        List<Map<String, Object>> deliveries = new ArrayList<>();
        for (DeliveryStatus status : DeliveryStatus.values()) {
            outbox.withStatus(status, PER_STATUS).stream()
                .filter(delivery -> isOwnedBy(delivery, session.account()))
                .forEach(delivery -> deliveries.add(view(delivery)));
        }
        deliveries.sort(Comparator.comparing((Map<String, Object> row) -> (String) row.get("createdAt")).reversed());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("webhooks", configured);
        model.put("deliveries", deliveries);
        Optional.ofNullable(request.queryParams("replayed")).ifPresent(id -> model.put("notice", "Delivery " + id + " is being sent again."));
        response.type("text/html; charset=utf-8");
        return templates.page("webhooks", "Webhooks", Optional.of(session), model);
    }

    private Object replay(Request request, Response response) {
        ConsoleSession session = ConsoleAccess.session(request);
        String id = request.params("id");
        WebhookDelivery delivery = outbox.get(id).filter(found -> isOwnedBy(found, session.account()))
            .orElseThrow(() -> ApiException.notFound("Delivery not found"));
        replays.replay(delivery.id());
        response.redirect(ConsoleApi.PREFIX + "/webhooks?replayed=" + delivery.id());
        return "";
    }

    private boolean isOwnedBy(WebhookDelivery delivery, AccountId account) {
        try {
            return events.get(new EventId(delivery.eventId())).map(event -> event.account().equals(account)).orElse(false);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, Object> view(WebhookDelivery delivery) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", delivery.id());
        view.put("createdAt", delivery.createdAt().toString());
        view.put("url", delivery.url().toString());
        view.put("scheme", delivery.scheme());
        view.put("status", delivery.status().name().toLowerCase(Locale.ROOT));
        view.put("attempts", delivery.attempts());
        view.put("answer", delivery.lastResponseCode().map(Object::toString).or(delivery::lastError).orElse(""));
        view.put("lastAttemptAt", delivery.lastAttemptAt().map(Object::toString).orElse(""));
        view.put("replayable", delivery.status() == DeliveryStatus.DEAD || delivery.status() == DeliveryStatus.REJECTED);
        return view;
    }
}
