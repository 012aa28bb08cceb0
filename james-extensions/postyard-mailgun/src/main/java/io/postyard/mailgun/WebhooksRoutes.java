package io.postyard.mailgun;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import io.postyard.core.account.AccountId;
import io.postyard.core.account.SigningKeyService;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.webhook.DomainWebhook;
import io.postyard.core.webhook.WebhookProbe;
import io.postyard.core.webhook.WebhookStore;
import io.postyard.core.webhook.WebhookTarget;
import io.postyard.core.webhook.WebhookUrlPolicy;
import io.postyard.http.ApiException;
import io.postyard.http.FormData;
import io.postyard.http.Json;
import spark.Request;
import spark.Service;

/**
 * {@code /v3/domains/{domain}/webhooks}: where each kind of event is posted. Only the configuration lives here;
 * delivery is the webhook engine's job.
 */
class WebhooksRoutes {
    static final Set<String> NAMES = Set.of("accepted", "delivered", "opened", "clicked", "unsubscribed", "complained",
        "permanent_fail", "temporary_fail");
    private static final int MAX_URL_LENGTH = 2048;

    private final OwnedDomains domains;
    private final WebhookStore webhooks;
    private final WebhookUrlPolicy urlPolicy;
    private final WebhookProbe probe;
    private final SigningKeyService signingKeys;
    private final Clock clock;

    @Inject
    WebhooksRoutes(OwnedDomains domains, WebhookStore webhooks, WebhookUrlPolicy urlPolicy, WebhookProbe probe,
                   SigningKeyService signingKeys, Clock clock) {
        this.domains = domains;
        this.webhooks = webhooks;
        this.urlPolicy = urlPolicy;
        this.probe = probe;
        this.signingKeys = signingKeys;
        this.clock = clock;
    }

    void define(Service service, String prefix) {
        String base = prefix + "/v3/domains/:domain/webhooks";
        service.get(base, Json.route((request, response) -> list(request)));
        service.post(base, Json.route((request, response) -> create(request)));
        service.get(base + "/:name", Json.route((request, response) -> get(request)));
        service.put(base + "/:name", Json.route((request, response) -> update(request)));
        service.delete(base + "/:name", Json.route((request, response) -> delete(request)));
        service.put(base + "/:name/test", Json.route((request, response) -> test(request)));
    }

    private Map<String, Object> list(Request request) {
        Domain domain = domains.ofPrimaryKey(request);
        Map<String, Object> byName = new LinkedHashMap<>();
        webhooks.list(domain).forEach(webhook -> byName.put(webhook.name(), urls(webhook)));
        return Map.of("webhooks", byName);
    }

    private Map<String, Object> create(Request request) {
        Domain domain = domains.ofPrimaryKey(request);
        FormData form = FormData.parse(request);
        String name = name(form.require("id"), "id");
        DomainWebhook webhook = new DomainWebhook(domain, name, parseUrls(form.all("url")));
        if (!webhooks.insertIfAbsent(webhook)) {
            throw ApiException.badRequest("Webhook " + name + " already exists");
        }
        return Map.of("message", "Webhook has been created", "webhook", urls(webhook));
    }

    private Map<String, Object> get(Request request) {
        Domain domain = domains.ofPrimaryKey(request);
        return Map.of("webhook", urls(existing(domain, request.params("name"))));
    }

    private Map<String, Object> update(Request request) {
        Domain domain = domains.ofPrimaryKey(request);
        DomainWebhook current = existing(domain, request.params("name"));
        FormData form = FormData.parse(request);
        DomainWebhook updated = new DomainWebhook(domain, current.name(), parseUrls(form.all("url")));
        webhooks.save(updated);
        return Map.of("message", "Webhook has been updated", "webhook", urls(updated));
    }

    private Map<String, Object> delete(Request request) {
        Domain domain = domains.ofPrimaryKey(request);
        DomainWebhook current = existing(domain, request.params("name"));
        webhooks.delete(domain, current.name());
        return Map.of("message", "Webhook has been deleted", "webhook", urls(current));
    }

    /**
     * Posts a sample event of the webhook's kind, signed like real ones, to {@code url} (or the webhook's first URL)
     * once, and answers with what the receiver said.
     */
    private Map<String, Object> test(Request request) {
        Domain domain = domains.ofPrimaryKey(request);
        String name = name(request.params("name"), "name");
        FormData form = FormData.parse(request);
        URI url = form.all("url").stream().anyMatch(value -> !value.isBlank())
            ? parseUrls(form.all("url")).get(0)
            : existing(domain, name).urls().get(0);
        AccountId account = MailgunAccess.requirePrimary(request).account();
        PostyardEvent sample = WebhookTestEvents.sample(name, account, domain, clock);
        byte[] payload = Json.write(MailgunEventData.of(sample)).getBytes(StandardCharsets.UTF_8);
        WebhookProbe.Result result = probe.post(new WebhookTarget("mailgun-test:" + domain.asString() + ":" + name, url,
            MailgunWebhookSubscriptions.SCHEME, signingKeys.signingKey(account), payload), sample.id().value());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", result.statusCode().map(String::valueOf).orElse("0"));
        body.put("message", result.message());
        return body;
    }

    private DomainWebhook existing(Domain domain, String rawName) {
        String name = rawName.toLowerCase(Locale.ROOT);
        return webhooks.get(domain, name).orElseThrow(() -> ApiException.notFound("Webhook not found"));
    }

    private static String name(String raw, String field) {
        String name = raw.trim().toLowerCase(Locale.ROOT);
        if (!NAMES.contains(name)) {
            throw ApiException.validation("'" + field + "' must be one of " + String.join(", ", NAMES.stream().sorted().toList()),
                Map.of("field", field));
        }
        return name;
    }

    private List<URI> parseUrls(List<String> raw) {
        Set<String> distinct = new LinkedHashSet<>();
        raw.stream().filter(value -> !value.isBlank()).map(String::trim).forEach(distinct::add);
        if (distinct.isEmpty()) {
            throw ApiException.validation("Missing parameter 'url'", Map.of("field", "url"));
        }
        if (distinct.size() > DomainWebhook.MAX_URLS) {
            throw ApiException.validation("At most " + DomainWebhook.MAX_URLS + " 'url' values are allowed", Map.of("field", "url"));
        }
        List<URI> urls = distinct.stream().map(WebhooksRoutes::url).toList();
        for (URI url : urls) {
            urlPolicy.refusal(url).ifPresent(reason -> {
                throw ApiException.validation("'url' " + url.getHost() + " is refused: " + reason, Map.of("field", "url"));
            });
        }
        return urls;
    }

    private static URI url(String value) {
        ApiException invalid = ApiException.validation("'url' must be an absolute http or https URL", Map.of("field", "url"));
        if (value.length() > MAX_URL_LENGTH || value.chars().anyMatch(c -> Character.isISOControl(c) || c == ' ')) {
            throw invalid;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getUserInfo() != null) {
                throw invalid;
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid;
        }
    }

    private static Map<String, Object> urls(DomainWebhook webhook) {
        return Map.of("urls", webhook.urls().stream().map(URI::toString).toList());
    }
}
