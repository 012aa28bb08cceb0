package io.postyard.openmail;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.postyard.openmail.store.OpenmailInbox;
import io.postyard.openmail.store.ThreadMessage;

/**
 * openmail's webhook bodies, as the document's example: the envelope ({@code event, event_id, occurred_at,
 * delivered_at, attempt, inbox_id, external_id}) and, for {@code message.received}, the thread and the message.
 * {@code delivered_at} and {@code attempt} are written for a first attempt; {@link OpenmailPayloadFinaliser} sets
 * them anew on each.
 */
final class WebhookPayloads {
    static final String MESSAGE_RECEIVED = "message.received";
    static final String TEST = "webhook.test";

    static Map<String, Object> messageReceived(String eventId, Instant occurredAt, OpenmailInbox inbox, ThreadMessage message,
                                               MessageView views) {
        Map<String, Object> payload = envelope(MESSAGE_RECEIVED, eventId, occurredAt, inbox);
        payload.put("thread_id", message.threadId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", message.id());
        body.put("rfc_message_id", message.rfcMessageId().orElse(null));
        body.put("from", message.fromAddr());
        body.put("to", String.join(", ", message.toAddrs()));
        body.put("cc", message.cc());
        body.put("subject", message.subject());
        body.put("body_text", message.bodyText());
        body.put("attachments", views.attachments(message));
        body.put("received_at", OpenmailTimes.format(message.createdAt()));
        payload.put("message", body);
        return payload;
    }

    static Map<String, Object> test(String eventId, Instant occurredAt, OpenmailInbox inbox) {
        return envelope(TEST, eventId, occurredAt, inbox);
    }

    private static Map<String, Object> envelope(String event, String eventId, Instant occurredAt, OpenmailInbox inbox) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event", event);
        payload.put("event_id", eventId);
        payload.put("occurred_at", OpenmailTimes.format(occurredAt));
        payload.put(OpenmailPayloadFinaliser.DELIVERED_AT, OpenmailTimes.format(occurredAt));
        payload.put(OpenmailPayloadFinaliser.ATTEMPT, 1);
        payload.put("inbox_id", inbox.id());
        payload.put("external_id", inbox.externalId().orElse(null));
        return payload;
    }

    private WebhookPayloads() {
    }
}
