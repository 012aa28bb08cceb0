package io.postyard.mailgun;

import javax.inject.Inject;

import io.postyard.http.ErrorRenderer;
import io.postyard.http.ProviderApi;
import spark.Service;

/**
 * The Mailgun v3 API (as Omnivery re-implements it) under {@code /mailgun}, so an SDK configured with
 * {@code http://host:8080/mailgun} calls {@code /mailgun/v3/...} and {@code /mailgun/v4/...} unchanged.
 */
public class MailgunApi implements ProviderApi {
    public static final String PREFIX = "/mailgun";

    private final MailgunAuthenticator authenticator;
    private final DomainsRoutes domains;
    private final CredentialsRoutes credentials;
    private final SuppressionsRoutes suppressions;
    private final WebhooksRoutes webhooks;
    private final SigningKeyRoutes signingKey;
    private final TrackingRoutes tracking;
    private final AddressRoutes addresses;
    private final MessagesRoutes messages;
    private final TemplatesRoutes templates;
    private final EventsRoutes events;
    private final StatsRoutes stats;
    private final TagsRoutes tags;
    private final AnalyticsRoutes analytics;
    private final SendingQueuesRoutes sendingQueues;
    private final RoutesRoutes routes;
    private final ApiKeysRoutes apiKeys;
    private final StoredMessagesRoutes storedMessages;
    private final MailingListsRoutes mailingLists;

    @Inject
    MailgunApi(MailgunAuthenticator authenticator, DomainsRoutes domains, CredentialsRoutes credentials,
               SuppressionsRoutes suppressions, WebhooksRoutes webhooks, SigningKeyRoutes signingKey,
               TrackingRoutes tracking, AddressRoutes addresses, MessagesRoutes messages, TemplatesRoutes templates,
               EventsRoutes events, StatsRoutes stats, TagsRoutes tags, AnalyticsRoutes analytics,
               SendingQueuesRoutes sendingQueues, RoutesRoutes routes, ApiKeysRoutes apiKeys,
               StoredMessagesRoutes storedMessages, MailingListsRoutes mailingLists) {
        this.authenticator = authenticator;
        this.domains = domains;
        this.credentials = credentials;
        this.suppressions = suppressions;
        this.webhooks = webhooks;
        this.signingKey = signingKey;
        this.tracking = tracking;
        this.addresses = addresses;
        this.messages = messages;
        this.templates = templates;
        this.events = events;
        this.stats = stats;
        this.tags = tags;
        this.analytics = analytics;
        this.sendingQueues = sendingQueues;
        this.routes = routes;
        this.apiKeys = apiKeys;
        this.storedMessages = storedMessages;
        this.mailingLists = mailingLists;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public String name() {
        return "Mailgun";
    }

    @Override
    public ErrorRenderer errors() {
        return MailgunErrors.RENDERER;
    }

    @Override
    public void define(Service service) {
        service.before(PREFIX, authenticator::authenticate);
        service.before(PREFIX + "/*", authenticator::authenticate);
        routes.define(service, PREFIX);
        domains.define(service, PREFIX);
        credentials.define(service, PREFIX);
        suppressions.define(service, PREFIX);
        webhooks.define(service, PREFIX);
        signingKey.define(service, PREFIX);
        tracking.define(service, PREFIX);
        addresses.define(service, PREFIX);
        messages.define(service, PREFIX);
        templates.define(service, PREFIX);
        events.define(service, PREFIX);
        stats.define(service, PREFIX);
        tags.define(service, PREFIX);
        analytics.define(service, PREFIX);
        sendingQueues.define(service, PREFIX);
        apiKeys.define(service, PREFIX);
        storedMessages.define(service, PREFIX);
        mailingLists.define(service, PREFIX);
    }
}
