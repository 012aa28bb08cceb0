package io.postyard.console;

import javax.inject.Inject;

import io.postyard.http.ErrorRenderer;
import io.postyard.http.ProviderApi;
import spark.Service;

/**
 * The web console under {@code /console} on the public port: server-rendered pages for operators and API users, on the
 * same services the provider APIs use. {@link ConsoleAccess} guards every path.
 */
public class ConsoleApi implements ProviderApi {
    public static final String PREFIX = "/console";

    private final ConsoleAccess access;
    private final SignInPages signIn;
    private final OverviewPages overview;
    private final DomainPages domains;
    private final KeyPages keys;
    private final SuppressionPages suppressions;
    private final EventPages events;
    private final WebhookPages webhooks;
    private final MailboxPages mailboxes;
    private final QueuePages queues;
    private final Assets assets;

    @Inject
    ConsoleApi(ConsoleAccess access, SignInPages signIn, OverviewPages overview, DomainPages domains, KeyPages keys,
               SuppressionPages suppressions, EventPages events, WebhookPages webhooks, MailboxPages mailboxes, QueuePages queues,
               Assets assets) {
        this.access = access;
        this.signIn = signIn;
        this.overview = overview;
        this.domains = domains;
        this.keys = keys;
        this.suppressions = suppressions;
        this.events = events;
        this.webhooks = webhooks;
        this.mailboxes = mailboxes;
        this.queues = queues;
        this.assets = assets;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public String name() {
        return "Console";
    }

    @Override
    public ErrorRenderer errors() {
        return ConsoleErrors.RENDERER;
    }

    @Override
    public void define(Service service) {
        service.before(PREFIX, access::check);
        service.before(PREFIX + "/*", access::check);
        service.get(PREFIX, (request, response) -> {
            response.redirect(PREFIX + "/overview");
            return "";
        });
        signIn.define(service);
        overview.define(service);
        domains.define(service);
        keys.define(service);
        suppressions.define(service);
        events.define(service);
        webhooks.define(service);
        mailboxes.define(service);
        queues.define(service);
        assets.define(service);
    }
}
