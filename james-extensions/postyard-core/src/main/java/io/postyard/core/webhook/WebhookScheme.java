package io.postyard.core.webhook;

import java.util.Objects;

/**
 * How one provider's webhooks are posted, contributed by its module: the name its {@link WebhookTarget}s carry, how
 * each attempt is signed, the schedule of retries, and how the payload is completed for each attempt. The delivery
 * engine knows no provider: it posts every delivery by its scheme.
 */
public record WebhookScheme(String name, WebhookSigner signer, RetrySchedule schedule, WebhookPayloadFinaliser finaliser) {
    public WebhookScheme {
        Objects.requireNonNull(name);
        Objects.requireNonNull(signer);
        Objects.requireNonNull(schedule);
        Objects.requireNonNull(finaliser);
    }

    /** A scheme that posts its payloads as they were rendered. */
    public WebhookScheme(String name, WebhookSigner signer, RetrySchedule schedule) {
        this(name, signer, schedule, WebhookPayloadFinaliser.AS_RENDERED);
    }
}
