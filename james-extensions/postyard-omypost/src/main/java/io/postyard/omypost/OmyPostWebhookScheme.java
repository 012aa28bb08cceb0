package io.postyard.omypost;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.postyard.core.webhook.RetrySchedule;
import io.postyard.core.webhook.TimestampedBodySigner;
import io.postyard.core.webhook.WebhookScheme;

/**
 * OmyPost's webhooks (our design, docs/api/omypost.md): {@code X-OmyPost-Timestamp} and {@code X-OmyPost-Signature:
 * sha256=<hex HMAC-SHA256 of "{timestamp}.{raw body}" under the webhook's secret>}, plus {@code X-OmyPost-Event-Id};
 * retried after 30 seconds, 2 and 10 minutes, 1 and 6 hours; a 410 ends the delivery; 15 seconds to answer.
 */
final class OmyPostWebhookScheme {
    static final WebhookScheme SCHEME = new WebhookScheme(
        OmyPostWebhookSubscriptions.SIGNING_SCHEME,
        new TimestampedBodySigner("X-OmyPost-Event-Id", "X-OmyPost-Timestamp", "X-OmyPost-Signature", "sha256="),
        new RetrySchedule(
            List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(6)),
            Set.of(410), Duration.ofSeconds(15)));

    private OmyPostWebhookScheme() {
    }
}
