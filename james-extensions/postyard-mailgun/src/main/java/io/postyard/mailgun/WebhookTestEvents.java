package io.postyard.mailgun;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.james.core.Domain;

import io.postyard.core.account.AccountId;
import io.postyard.core.event.DeliveryStatus;
import io.postyard.core.event.EventType;
import io.postyard.core.event.MessageSummary;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.event.Severity;

/**
 * The sample event a webhook test posts: the kind the webhook is named after, for a made-up recipient, marked with the
 * {@code test} tag and user variable so a receiver can tell it from real traffic.
 */
final class WebhookTestEvents {
    static PostyardEvent sample(String webhookName, AccountId account, Domain domain, Clock clock) {
        PostyardEvent.Builder builder = switch (webhookName) {
            case "permanent_fail" -> PostyardEvent.builder(EventType.FAILED, account, domain).severity(Severity.PERMANENT)
                .reason("bounce")
                .deliveryStatus(new DeliveryStatus(Optional.of(550), Optional.of("5.1.1"), "No such mailbox (test)",
                    Optional.of("mx.example.com"), 1));
            case "temporary_fail" -> PostyardEvent.builder(EventType.FAILED, account, domain).severity(Severity.TEMPORARY)
                .reason("generic")
                .deliveryStatus(new DeliveryStatus(Optional.of(451), Optional.of("4.3.0"), "Try again later (test)",
                    Optional.of("mx.example.com"), 1));
            default -> PostyardEvent.builder(EventType.parse(webhookName).orElseThrow(), account, domain);
        };
        String messageId = "test-webhook@" + domain.asString();
        return builder.timestamp(clock.instant())
            .messageId(messageId)
            .recipient("alice@example.com")
            .tags(List.of("test"))
            .userVariables(Map.of("test", "true"))
            .message(new MessageSummary(messageId, Optional.of("Postyard <test@" + domain.asString() + ">"),
                Optional.of("alice@example.com"), Optional.of("Webhook test"), 0))
            .build();
    }

    private WebhookTestEvents() {
    }
}
