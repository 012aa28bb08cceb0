package io.postyard.omypost;

import javax.inject.Inject;

import io.postyard.http.ErrorRenderer;
import io.postyard.http.ProviderApi;
import spark.Service;

/**
 * The OmyPost API under {@code /omypost}, so a client configured with {@code http://host:8080/omypost/v1} as its base
 * URL calls {@code /omypost/v1/emails} and the rest unchanged.
 */
public class OmyPostApi implements ProviderApi {
    public static final String PREFIX = "/omypost";
    private static final String BASE = PREFIX + "/v1";

    private final OmyPostAuthenticator authenticator;
    private final EmailsRoutes emails;
    private final MessagesRoutes messages;
    private final WebhooksRoutes webhooks;

    @Inject
    OmyPostApi(OmyPostAuthenticator authenticator, EmailsRoutes emails, MessagesRoutes messages, WebhooksRoutes webhooks) {
        this.authenticator = authenticator;
        this.emails = emails;
        this.messages = messages;
        this.webhooks = webhooks;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public String name() {
        return "OmyPost";
    }

    @Override
    public ErrorRenderer errors() {
        return OmyPostErrors.RENDERER;
    }

    @Override
    public void define(Service service) {
        service.before(PREFIX, authenticator::authenticate);
        service.before(PREFIX + "/*", authenticator::authenticate);
        emails.define(service, BASE);
        messages.define(service, BASE);
        webhooks.define(service, BASE);
    }
}
