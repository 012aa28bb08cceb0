package io.postyard.omypost;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.postyard.core.event.EventType;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.event.Severity;

/** OmyPost's names for the events of its accounts, and the JSON its webhooks carry. */
final class OmyPostEvents {
    static final String RECEIVED = "email.received";
    static final String SENT = "email.sent";
    static final String DELIVERED = "email.delivered";
    static final String BOUNCED = "email.bounced";
    static final String EXPIRED = "email.expired";
    static final Set<String> ALL = Set.of(RECEIVED, SENT, DELIVERED, BOUNCED, EXPIRED);

    static Optional<String> nameOf(PostyardEvent event) {
        return switch (event.type()) {
            case STORED -> Optional.of(RECEIVED);
            case ACCEPTED -> Optional.of(SENT);
            case DELIVERED -> Optional.of(DELIVERED);
            case FAILED -> event.severity().orElse(Severity.PERMANENT) == Severity.PERMANENT ? Optional.of(BOUNCED) : Optional.empty();
            case EXPIRED -> Optional.of(EXPIRED);
            default -> Optional.empty();
        };
    }

    /** {@code {"id", "event", "created_at", "data": {...}}}; {@code id} is the same on every delivery attempt. */
    static Map<String, Object> payload(String name, PostyardEvent event, Optional<String> emailId) {
        Map<String, Object> data = new LinkedHashMap<>();
        emailId.ifPresent(id -> data.put("email_id", id));
        if (event.type() == EventType.STORED) {
            data.put("email", event.recipient().orElse(null));
            Optional.ofNullable(event.details().get("uid")).ifPresent(uid -> data.put("message_id", "msg_" + uid));
        } else if (event.type() == EventType.EXPIRED) {
            data.put("email", event.recipient().orElse(null));
            data.put("expired_at", event.details().get("expired-at"));
        } else {
            data.put("recipient", event.recipient().orElse(null));
        }
        event.message().ifPresent(message -> {
            data.put("from", message.from().orElse(null));
            data.put("to", message.to().orElse(null));
            data.put("subject", message.subject().orElse(null));
            data.put("rfc822_message_id", message.messageId());
        });
        event.reason().ifPresent(reason -> data.put("reason", reason));
        event.deliveryStatus().ifPresent(status -> {
            Map<String, Object> delivery = new LinkedHashMap<>();
            delivery.put("code", status.code().orElse(null));
            delivery.put("message", status.message());
            data.put("delivery_status", delivery);
        });
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", event.id().value());
        payload.put("event", name);
        payload.put("created_at", OmyPostTimes.format(event.timestamp()));
        payload.put("data", data);
        return payload;
    }

    private OmyPostEvents() {
    }
}
