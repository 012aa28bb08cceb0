package io.postyard.mailgun;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import io.postyard.core.event.DeliveryStatus;
import io.postyard.core.event.EventType;
import io.postyard.core.event.MessageSummary;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.sending.OutboundMetadata;

/** An event in Mailgun's {@code event-data} shape, as the events API lists it and webhooks post it. */
public final class MailgunEventData {
    /** The details of a {@code stored} event that say where its message is kept. */
    public static final String STORAGE_KEY = "storage-key";
    public static final String STORAGE_URL = "storage-url";

    public static Map<String, Object> of(PostyardEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", event.id().value());
        data.put("event", event.type().asString());
        data.put("timestamp", epochSeconds(event));
        data.put("log-level", logLevel(event));
        event.recipient().ifPresent(recipient -> {
            data.put("recipient", recipient);
            data.put("recipient-domain", recipient.substring(recipient.lastIndexOf('@') + 1));
        });
        event.severity().ifPresent(severity -> data.put("severity", severity.asString()));
        if (event.type() == EventType.REJECTED) {
            data.put("reject", Map.of("reason", event.reason().orElse(""), "description", ""));
            data.put("flags", Map.of("is-test-mode", false));
        } else {
            event.reason().ifPresent(reason -> data.put("reason", reason));
        }
        data.put("tags", event.tags());
        data.put("user-variables", event.userVariables());
        event.message().ifPresent(message -> data.put("message", message(message)));
        if (event.message().isEmpty() && event.messageId().isPresent()) {
            data.put("message", Map.of("headers", Map.of("message-id", stripBrackets(event.messageId().get()))));
        }
        event.deliveryStatus().ifPresent(status -> data.put("delivery-status", deliveryStatus(status)));
        event.message().flatMap(MessageSummary::from).ifPresent(from ->
            data.put("envelope", Map.of("sender", from, "targets", event.recipient().orElse(""))));
        String url = event.details().get("url");
        if (url != null) {
            data.put("url", url);
        }
        String ip = event.details().get("ip");
        if (ip != null) {
            data.put("ip", ip);
        }
        String list = event.details().get(OutboundMetadata.MAILING_LIST_DETAIL);
        if (list != null) {
            data.put("mailing-list", Map.of("address", list));
        }
        String storageKey = event.details().get(STORAGE_KEY);
        if (storageKey != null) {
            data.put("storage", Map.of("key", storageKey, "url", event.details().getOrDefault(STORAGE_URL, "")));
        }
        String userAgent = event.details().get("user-agent");
        if (userAgent != null) {
            data.put("client-info", Map.of("user-agent", userAgent));
        }
        return data;
    }

    /** Seconds with microseconds, as a number, the way Mailgun writes timestamps. */
    private static BigDecimal epochSeconds(PostyardEvent event) {
        return BigDecimal.valueOf(event.timestamp().getEpochSecond())
            .add(BigDecimal.valueOf(event.timestamp().getNano() / 1000, 6));
    }

    private static String logLevel(PostyardEvent event) {
        if (event.type() == EventType.REJECTED) {
            return "warn";
        }
        if (event.type() == EventType.FAILED) {
            return event.severity().map(severity -> severity.asString().equals("temporary") ? "warn" : "error").orElse("error");
        }
        return event.type() == EventType.COMPLAINED ? "warn" : "info";
    }

    private static Map<String, Object> message(MessageSummary message) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("message-id", stripBrackets(message.messageId()));
        message.from().ifPresent(from -> headers.put("from", from));
        message.to().ifPresent(to -> headers.put("to", to));
        message.subject().ifPresent(subject -> headers.put("subject", subject));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("headers", headers);
        view.put("size", message.size());
        return view;
    }

    private static Map<String, Object> deliveryStatus(DeliveryStatus status) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("code", status.code().orElse(0));
        status.enhancedCode().ifPresent(code -> view.put("enhanced-code", code));
        view.put("message", status.message());
        view.put("description", status.message());
        status.mxHost().ifPresent(host -> view.put("mx-host", host));
        view.put("attempt-no", status.attemptNo());
        return view;
    }

    static String stripBrackets(String messageId) {
        String trimmed = messageId.trim();
        return trimmed.startsWith("<") && trimmed.endsWith(">") ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }

    private MailgunEventData() {
    }
}
