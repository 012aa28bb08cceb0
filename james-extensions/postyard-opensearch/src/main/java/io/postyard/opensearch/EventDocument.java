package io.postyard.opensearch;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.james.core.Domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.postyard.core.account.AccountId;
import io.postyard.core.event.DeliveryStatus;
import io.postyard.core.event.EventId;
import io.postyard.core.event.EventQuery;
import io.postyard.core.event.EventType;
import io.postyard.core.event.MessageSummary;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.event.Severity;

/**
 * An event as a document of the index: the fields the events API filters and sorts on, at the top, as the template maps
 * them, and the whole event under {@code event}, which is stored but not indexed and is what a search reads back.
 * Timestamps are kept to the millisecond, as the event records (Cassandra) keep them.
 */
final class EventDocument {
    static final String ID = "id";
    static final String TYPE = "type";
    static final String TIMESTAMP = "timestamp";
    static final String ACCOUNT = "account";
    static final String DOMAIN = "domain";
    static final String RECIPIENT = "recipient";
    static final String TAGS = "tags";
    static final String MESSAGE_ID = "message_id";
    static final String FROM = "from";
    static final String SEVERITY = "severity";
    static final String EVENT = "event";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static ObjectNode of(PostyardEvent event) {
        ObjectNode document = MAPPER.createObjectNode();
        document.put(ID, event.id().value());
        document.put(TYPE, event.type().asString());
        document.put(TIMESTAMP, event.timestamp().toEpochMilli());
        document.put(ACCOUNT, event.account().value());
        document.put(DOMAIN, event.domain().asString());
        event.recipient().ifPresent(recipient -> document.put(RECIPIENT, recipient));
        ArrayNode tags = document.putArray(TAGS);
        event.tags().forEach(tags::add);
        event.messageId().ifPresent(messageId -> document.put(MESSAGE_ID, EventQuery.bareMessageId(messageId)));
        event.message().flatMap(MessageSummary::from).ifPresent(from -> document.put(FROM, from));
        event.severity().ifPresent(severity -> document.put(SEVERITY, severity.asString()));
        document.set(EVENT, stored(event));
        return document;
    }

    /** The event a search hit carries, from its {@code event} object. */
    static PostyardEvent event(JsonNode document) {
        JsonNode event = document.get(EVENT);
        Optional<MessageSummary> message = object(event, "message").map(summary -> new MessageSummary(summary.get("message_id").asText(),
            text(summary, "from"), text(summary, "to"), text(summary, "subject"), summary.get("size").asLong()));
        Optional<DeliveryStatus> delivery = object(event, "delivery_status").map(status -> new DeliveryStatus(
            Optional.ofNullable(status.get("code")).map(JsonNode::asInt), text(status, "enhanced_code"), status.get("message").asText(),
            text(status, "mx_host"), status.get("attempt_no").asInt()));
        return new PostyardEvent(new EventId(event.get("id").asText()), EventType.valueOf(event.get("type").asText().toUpperCase(Locale.ROOT)),
            Instant.parse(event.get("timestamp").asText()), new AccountId(event.get("account").asText()), Domain.of(event.get("domain").asText()),
            text(event, "message_id"), text(event, "recipient"),
            text(event, "severity").map(severity -> Severity.valueOf(severity.toUpperCase(Locale.ROOT))), text(event, "reason"),
            strings(event.get("tags")), map(event.get("user_variables")), message, delivery, map(event.get("details")));
    }

    private static ObjectNode stored(PostyardEvent event) {
        ObjectNode stored = MAPPER.createObjectNode();
        stored.put("id", event.id().value());
        stored.put("type", event.type().asString());
        stored.put("timestamp", event.timestamp().truncatedTo(ChronoUnit.MILLIS).toString());
        stored.put("account", event.account().value());
        stored.put("domain", event.domain().asString());
        event.messageId().ifPresent(value -> stored.put("message_id", value));
        event.recipient().ifPresent(value -> stored.put("recipient", value));
        event.severity().ifPresent(value -> stored.put("severity", value.asString()));
        event.reason().ifPresent(value -> stored.put("reason", value));
        ArrayNode tags = stored.putArray("tags");
        event.tags().forEach(tags::add);
        ObjectNode variables = stored.putObject("user_variables");
        event.userVariables().forEach(variables::put);
        event.message().ifPresent(message -> {
            ObjectNode summary = stored.putObject("message");
            summary.put("message_id", message.messageId());
            message.from().ifPresent(value -> summary.put("from", value));
            message.to().ifPresent(value -> summary.put("to", value));
            message.subject().ifPresent(value -> summary.put("subject", value));
            summary.put("size", message.size());
        });
        event.deliveryStatus().ifPresent(delivery -> {
            ObjectNode status = stored.putObject("delivery_status");
            delivery.code().ifPresent(value -> status.put("code", value));
            delivery.enhancedCode().ifPresent(value -> status.put("enhanced_code", value));
            status.put("message", delivery.message());
            delivery.mxHost().ifPresent(value -> status.put("mx_host", value));
            status.put("attempt_no", delivery.attemptNo());
        });
        ObjectNode details = stored.putObject("details");
        event.details().forEach(details::put);
        return stored;
    }

    private static Optional<String> text(JsonNode node, String field) {
        return Optional.ofNullable(node.get(field)).filter(value -> !value.isNull()).map(JsonNode::asText);
    }

    private static Optional<JsonNode> object(JsonNode node, String field) {
        return Optional.ofNullable(node.get(field)).filter(JsonNode::isObject);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static Map<String, String> map(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue().asText()));
        return values;
    }

    private EventDocument() {
    }
}
