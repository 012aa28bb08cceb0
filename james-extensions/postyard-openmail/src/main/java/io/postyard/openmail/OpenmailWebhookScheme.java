package io.postyard.openmail;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.postyard.core.webhook.RetrySchedule;
import io.postyard.core.webhook.TimestampedBodySigner;
import io.postyard.core.webhook.WebhookScheme;

/**
 * openmail's webhooks: the body as it is, with {@code X-Event-Id}, {@code X-Timestamp} and {@code X-Signature} = hex
 * HMAC-SHA256 of {@code "{timestamp}.{raw body}"} under the webhook's secret (receivers refuse timestamps older than five
 * minutes, so every attempt is signed anew, with its attempt number and time in the body); 15 seconds to answer. The
 * document's retries "at 0 s, 30 s, 60 s, 2 min and 4 min" are five attempts counted from the first, so 30 s, 30 s,
 * 60 s and 2 min apart, then a dead letter.
 */
final class OpenmailWebhookScheme {
    static final WebhookScheme SCHEME = new WebhookScheme(
        InboxWebhooks.SIGNING_SCHEME,
        new TimestampedBodySigner("X-Event-Id", "X-Timestamp", "X-Signature", ""),
        RetrySchedule.attemptsAt(
            List.of(Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(2), Duration.ofMinutes(4)),
            Set.of(), Duration.ofSeconds(15)),
        new OpenmailPayloadFinaliser());

    private OpenmailWebhookScheme() {
    }
}
