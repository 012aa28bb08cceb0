package io.postyard.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.apache.james.core.Domain;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import io.postyard.core.account.AccountId;
import io.postyard.core.event.DeliveryStatus;
import io.postyard.core.event.EventId;
import io.postyard.core.event.EventQuery;
import io.postyard.core.event.EventType;
import io.postyard.core.event.FromFilter;
import io.postyard.core.event.MessageSummary;
import io.postyard.core.event.PostyardEvent;
import io.postyard.core.event.Severity;

/**
 * An event as a row of the {@code events} table and back. Besides the event, a row holds the forms queries match:
 * the bare Message-ID, the recipient in lower case and the From header's address ({@link FromFilter}). A summary is there when its Message-ID is, a delivery status
 * when its message is.
 */
final class EventRows {
    /** The columns of an event, from the table named {@code e}. */
    static final String COLUMNS = "e.id, e.domain, e.occurred_at, e.event_type, e.account, e.message_id, e.recipient, e.severity, "
        + "e.reason, e.tags, e.user_variables, e.summary_message_id, e.summary_from, e.summary_to, e.summary_subject, e.summary_size, "
        + "e.delivery_code, e.delivery_enhanced_code, e.delivery_message, e.delivery_mx_host, e.delivery_attempt, e.details";

    static final RowMapper<PostyardEvent> EVENT = (row, context) -> new PostyardEvent(new EventId(row.getString("id")),
        EventType.valueOf(row.getString("event_type")), Instant.ofEpochMilli(row.getLong("occurred_at")), new AccountId(row.getString("account")),
        Domain.of(row.getString("domain")), Optional.ofNullable(row.getString("message_id")), Optional.ofNullable(row.getString("recipient")),
        Optional.ofNullable(row.getString("severity")).map(Severity::valueOf), Optional.ofNullable(row.getString("reason")),
        Columns.strings(row.getString("tags")), Columns.stringMap(row.getString("user_variables")), summary(row), deliveryStatus(row),
        Columns.stringMap(row.getString("details")));

    /** The key a recipient is matched by, in the table and in queries alike. */
    static String recipientKey(String recipient) {
        return recipient.toLowerCase(Locale.ROOT);
    }

    static void insert(Handle handle, PostyardEvent event) {
        Optional<MessageSummary> summary = event.message();
        Optional<DeliveryStatus> delivery = event.deliveryStatus();
        handle.createUpdate("INSERT INTO events (id, domain, occurred_at, event_type, account, message_id, bare_message_id, recipient, "
                + "recipient_key, severity, reason, tags, user_variables, summary_message_id, summary_from, summary_to, summary_subject, "
                + "summary_size, from_key, delivery_code, delivery_enhanced_code, delivery_message, delivery_mx_host, delivery_attempt, details) "
                + "VALUES (:id, :domain, :occurredAt, :eventType, :account, :messageId, :bareMessageId, :recipient, :recipientKey, :severity, "
                + ":reason, :tags, :userVariables, :summaryMessageId, :summaryFrom, :summaryTo, :summarySubject, :summarySize, :fromKey, :deliveryCode, "
                + ":deliveryEnhancedCode, :deliveryMessage, :deliveryMxHost, :deliveryAttempt, :details)")
            .bind("id", event.id().value())
            .bind("domain", event.domain().asString())
            .bind("occurredAt", event.timestamp().toEpochMilli())
            .bind("eventType", event.type().name())
            .bind("account", event.account().value())
            .bind("messageId", event.messageId().orElse(null))
            .bind("bareMessageId", event.messageId().map(EventQuery::bareMessageId).orElse(null))
            .bind("recipient", event.recipient().orElse(null))
            .bind("recipientKey", event.recipient().map(EventRows::recipientKey).orElse(null))
            .bind("severity", event.severity().map(Severity::name).orElse(null))
            .bind("reason", event.reason().orElse(null))
            .bind("tags", Columns.json(event.tags()))
            .bind("userVariables", Columns.json(event.userVariables()))
            .bind("summaryMessageId", summary.map(MessageSummary::messageId).orElse(null))
            .bind("summaryFrom", summary.flatMap(MessageSummary::from).orElse(null))
            .bind("summaryTo", summary.flatMap(MessageSummary::to).orElse(null))
            .bind("summarySubject", summary.flatMap(MessageSummary::subject).orElse(null))
            .bind("summarySize", summary.map(MessageSummary::size).orElse(null))
            .bind("fromKey", summary.flatMap(MessageSummary::from).flatMap(FromFilter::addressKey).orElse(null))
            .bind("deliveryCode", delivery.flatMap(DeliveryStatus::code).orElse(null))
            .bind("deliveryEnhancedCode", delivery.flatMap(DeliveryStatus::enhancedCode).orElse(null))
            .bind("deliveryMessage", delivery.map(DeliveryStatus::message).orElse(null))
            .bind("deliveryMxHost", delivery.flatMap(DeliveryStatus::mxHost).orElse(null))
            .bind("deliveryAttempt", delivery.map(DeliveryStatus::attemptNo).orElse(null))
            .bind("details", Columns.json(event.details()))
            .execute();
    }

    private static Optional<MessageSummary> summary(ResultSet row) throws SQLException {
        String messageId = row.getString("summary_message_id");
        if (messageId == null) {
            return Optional.empty();
        }
        return Optional.of(new MessageSummary(messageId, Optional.ofNullable(row.getString("summary_from")),
            Optional.ofNullable(row.getString("summary_to")), Optional.ofNullable(row.getString("summary_subject")),
            row.getLong("summary_size")));
    }

    private static Optional<DeliveryStatus> deliveryStatus(ResultSet row) throws SQLException {
        String message = row.getString("delivery_message");
        if (message == null) {
            return Optional.empty();
        }
        return Optional.of(new DeliveryStatus(Optional.ofNullable(row.getObject("delivery_code", Integer.class)), Optional.ofNullable(row.getString("delivery_enhanced_code")), message,
            Optional.ofNullable(row.getString("delivery_mx_host")), row.getInt("delivery_attempt")));
    }

    private EventRows() {
    }
}
