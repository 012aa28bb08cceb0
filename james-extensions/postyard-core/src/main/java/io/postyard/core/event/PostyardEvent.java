package io.postyard.core.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.james.core.Domain;

import io.postyard.core.account.AccountId;

/**
 * One step in the life of one message to one recipient. Every provider's event API and every webhook is a view of
 * these.
 */
public record PostyardEvent(EventId id,
                            EventType type,
                            Instant timestamp,
                            AccountId account,
                            Domain domain,
                            Optional<String> messageId,
                            Optional<String> recipient,
                            Optional<Severity> severity,
                            Optional<String> reason,
                            List<String> tags,
                            Map<String, String> userVariables,
                            Optional<MessageSummary> message,
                            Optional<DeliveryStatus> deliveryStatus,
                            Map<String, String> details) {
    public static Builder builder(EventType type, AccountId account, Domain domain) {
        return new Builder(type, account, domain);
    }

    public PostyardEvent {
        Objects.requireNonNull(id);
        Objects.requireNonNull(type);
        Objects.requireNonNull(timestamp);
        Objects.requireNonNull(account);
        Objects.requireNonNull(domain);
        Objects.requireNonNull(messageId);
        Objects.requireNonNull(recipient);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(reason);
        tags = List.copyOf(tags);
        userVariables = Map.copyOf(userVariables);
        Objects.requireNonNull(message);
        Objects.requireNonNull(deliveryStatus);
        details = Map.copyOf(details);
        if (type == EventType.FAILED && severity.isEmpty()) {
            throw new IllegalArgumentException("A failed event needs a severity");
        }
    }

    public static final class Builder {
        private final EventType type;
        private final AccountId account;
        private final Domain domain;
        private EventId id = EventId.random();
        private Instant timestamp = Instant.now();
        private Optional<String> messageId = Optional.empty();
        private Optional<String> recipient = Optional.empty();
        private Optional<Severity> severity = Optional.empty();
        private Optional<String> reason = Optional.empty();
        private List<String> tags = List.of();
        private Map<String, String> userVariables = Map.of();
        private Optional<MessageSummary> message = Optional.empty();
        private Optional<DeliveryStatus> deliveryStatus = Optional.empty();
        private Map<String, String> details = Map.of();

        private Builder(EventType type, AccountId account, Domain domain) {
            this.type = type;
            this.account = account;
            this.domain = domain;
        }

        public Builder id(EventId id) {
            this.id = id;
            return this;
        }

        public Builder timestamp(Instant timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        public Builder messageId(String messageId) {
            this.messageId = Optional.of(messageId);
            return this;
        }

        public Builder recipient(String recipient) {
            this.recipient = Optional.of(recipient);
            return this;
        }

        public Builder severity(Severity severity) {
            this.severity = Optional.of(severity);
            return this;
        }

        public Builder reason(String reason) {
            this.reason = Optional.of(reason);
            return this;
        }

        public Builder tags(List<String> tags) {
            this.tags = tags;
            return this;
        }

        public Builder userVariables(Map<String, String> userVariables) {
            this.userVariables = userVariables;
            return this;
        }

        public Builder message(MessageSummary message) {
            this.message = Optional.of(message);
            this.messageId = Optional.of(message.messageId());
            return this;
        }

        public Builder deliveryStatus(DeliveryStatus deliveryStatus) {
            this.deliveryStatus = Optional.of(deliveryStatus);
            return this;
        }

        /** Event-specific facts: {@code url} of a click, {@code ip} and {@code user-agent} of an open, ... */
        public Builder details(Map<String, String> details) {
            this.details = details;
            return this;
        }

        public PostyardEvent build() {
            return new PostyardEvent(id, type, timestamp, account, domain, messageId, recipient, severity, reason,
                tags, userVariables, message, deliveryStatus, details);
        }
    }
}
