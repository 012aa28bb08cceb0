package io.postyard.mailgun;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.postyard.core.webhook.RetrySchedule;
import io.postyard.core.webhook.WebhookScheme;

/**
 * Mailgun's webhooks: the signature in the body ({@link MailgunSigner}); retried after 5, 10 and 15 minutes, then 1, 2
 * and 4 hours, as Mailgun documents; a 406 from the receiver ends the delivery; 10 seconds to answer. Public for the
 * webhook benchmark (bench/webhooks), which drives the engine with it.
 */
public final class MailgunWebhookScheme {
    public static final WebhookScheme SCHEME = new WebhookScheme(
        MailgunWebhookSubscriptions.SCHEME,
        new MailgunSigner(),
        new RetrySchedule(
            List.of(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(2),
                Duration.ofHours(4)),
            Set.of(406), Duration.ofSeconds(10)));

    private MailgunWebhookScheme() {
    }
}
