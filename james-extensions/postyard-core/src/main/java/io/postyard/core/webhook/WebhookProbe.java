package io.postyard.core.webhook;

import java.util.Objects;
import java.util.Optional;

/**
 * Posts one signed test payload to a URL right away, once, outside the outbox: what a provider's "test webhook" call
 * does. The URL policy applies as for any delivery.
 */
public interface WebhookProbe {
    /** The receiver's status code and the start of its answer, or why no answer came. */
    record Result(Optional<Integer> statusCode, String message) {
        public Result {
            Objects.requireNonNull(statusCode);
            Objects.requireNonNull(message);
        }
    }

    Result post(WebhookTarget target, String eventId);
}
