package io.postyard.openmail;

import javax.inject.Inject;

import io.postyard.http.ErrorRenderer;
import io.postyard.http.ProviderApi;
import spark.Service;

/**
 * The openmail agent-inbox API under {@code /openmail}: a client configured with {@code http://host:8080/openmail/v1}
 * as its base URL calls {@code /openmail/v1/inboxes} and the rest unchanged.
 */
public class OpenmailApi implements ProviderApi {
    public static final String PREFIX = "/openmail";
    static final String BASE = PREFIX + "/v1";

    private final OpenmailAuthenticator authenticator;
    private final InboxesRoutes inboxes;
    private final SendRoutes sending;
    private final ThreadsRoutes threads;
    private final AttachmentsRoutes attachments;
    private final WebhooksRoutes webhooks;

    @Inject
    OpenmailApi(OpenmailAuthenticator authenticator, InboxesRoutes inboxes, SendRoutes sending, ThreadsRoutes threads,
                AttachmentsRoutes attachments, WebhooksRoutes webhooks) {
        this.authenticator = authenticator;
        this.inboxes = inboxes;
        this.sending = sending;
        this.threads = threads;
        this.attachments = attachments;
        this.webhooks = webhooks;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public String name() {
        return "openmail";
    }

    @Override
    public ErrorRenderer errors() {
        return OpenmailErrors.RENDERER;
    }

    @Override
    public void define(Service service) {
        service.before(PREFIX, authenticator::authenticate);
        service.before(PREFIX + "/*", authenticator::authenticate);
        inboxes.define(service, BASE);
        sending.define(service, BASE);
        threads.define(service, BASE);
        attachments.define(service, BASE);
        webhooks.define(service, BASE);
    }
}
