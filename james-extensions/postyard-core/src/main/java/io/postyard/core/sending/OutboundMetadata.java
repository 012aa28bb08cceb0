package io.postyard.core.sending;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

import io.postyard.core.account.AccountId;
import io.postyard.core.event.EventType;
import io.postyard.core.event.MessageSummary;
import io.postyard.core.event.PostyardEvent;

/**
 * What Postyard knows about an outgoing message besides its MIME: whose it is, its tags and variables, and the
 * per-message options. It travels with the mail through James's queues as one JSON attribute, so that any queue
 * implementation (memory now, a distributed one later) carries it unchanged.
 */
public record OutboundMetadata(@JsonProperty("account") String account,
                               @JsonProperty("domain") String domain,
                               @JsonProperty("messageId") String messageId,
                               @JsonProperty("from") Optional<String> from,
                               @JsonProperty("subject") Optional<String> subject,
                               @JsonProperty("tags") List<String> tags,
                               @JsonProperty("variables") Map<String, String> variables,
                               @JsonProperty("testMode") boolean testMode,
                               @JsonProperty("trackOpens") Optional<Boolean> trackOpens,
                               @JsonProperty("trackClicks") Optional<Boolean> trackClicks,
                               @JsonProperty("dkim") Optional<Boolean> dkim,
                               @JsonProperty("callbackUrl") Optional<String> callbackUrl,
                               @JsonProperty("size") long size,
                               @JsonProperty("mailingList") Optional<String> mailingList) {
    public static final AttributeName ATTRIBUTE = AttributeName.of("postyard.outbound");
    /** The event detail holding the per-message webhook URL. */
    public static final String CALLBACK_URL_DETAIL = "callback-url";
    /** The event detail naming the mailing list a message was sent to its members from. */
    public static final String MAILING_LIST_DETAIL = "mailing-list";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module());

    @JsonCreator
    public OutboundMetadata {
        Objects.requireNonNull(account);
        Objects.requireNonNull(domain);
        Objects.requireNonNull(messageId);
        from = from == null ? Optional.empty() : from;
        subject = subject == null ? Optional.empty() : subject;
        tags = tags == null ? List.of() : List.copyOf(tags);
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        trackOpens = trackOpens == null ? Optional.empty() : trackOpens;
        trackClicks = trackClicks == null ? Optional.empty() : trackClicks;
        dkim = dkim == null ? Optional.empty() : dkim;
        callbackUrl = callbackUrl == null ? Optional.empty() : callbackUrl;
        mailingList = mailingList == null ? Optional.empty() : mailingList;
    }

    public static Builder builder(AccountId account, Domain domain, String messageId) {
        return new Builder(account, domain, messageId);
    }

    public static Optional<OutboundMetadata> of(Mail mail) {
        return mail.getAttribute(ATTRIBUTE)
            .flatMap(attribute -> attribute.getValue().valueAs(String.class))
            .map(OutboundMetadata::fromJson);
    }

    /**
     * An event about this message for one recipient, with its tags, variables and summary; the per-message webhook
     * (Mailgun's {@code callback_url}) rides along in the details so that the message's events reach it too.
     */
    public PostyardEvent.Builder event(EventType type, MailAddress recipient) {
        return PostyardEvent.builder(type, new AccountId(account), Domain.of(domain))
            .recipient(recipient.asString())
            .tags(tags)
            .userVariables(variables)
            .message(new MessageSummary(messageId, from, Optional.of(recipient.asString()), subject, size))
            .details(details());
    }

    private Map<String, String> details() {
        Map<String, String> details = new HashMap<>();
        callbackUrl.ifPresent(url -> details.put(CALLBACK_URL_DETAIL, url));
        mailingList.ifPresent(list -> details.put(MAILING_LIST_DETAIL, list));
        return details;
    }

    public Attribute asAttribute() {
        try {
            return new Attribute(ATTRIBUTE, AttributeValue.of(JSON.writeValueAsString(this)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize outbound metadata", e);
        }
    }

    private static OutboundMetadata fromJson(String json) {
        try {
            return JSON.readValue(json, OutboundMetadata.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupted outbound metadata", e);
        }
    }

    /** Named fields, for the two places that make metadata: the submission path and SMTP submission. */
    public static final class Builder {
        private final AccountId account;
        private final Domain domain;
        private final String messageId;
        private Optional<String> from = Optional.empty();
        private Optional<String> subject = Optional.empty();
        private List<String> tags = List.of();
        private Map<String, String> variables = Map.of();
        private boolean testMode;
        private Optional<Boolean> trackOpens = Optional.empty();
        private Optional<Boolean> trackClicks = Optional.empty();
        private Optional<Boolean> dkim = Optional.empty();
        private Optional<String> callbackUrl = Optional.empty();
        private Optional<String> mailingList = Optional.empty();
        private long size;

        private Builder(AccountId account, Domain domain, String messageId) {
            this.account = Objects.requireNonNull(account);
            this.domain = Objects.requireNonNull(domain);
            this.messageId = Objects.requireNonNull(messageId);
        }

        public Builder from(Optional<String> from) {
            this.from = from;
            return this;
        }

        public Builder subject(Optional<String> subject) {
            this.subject = subject;
            return this;
        }

        public Builder tags(List<String> tags) {
            this.tags = tags;
            return this;
        }

        public Builder variables(Map<String, String> variables) {
            this.variables = variables;
            return this;
        }

        public Builder testMode(boolean testMode) {
            this.testMode = testMode;
            return this;
        }

        public Builder trackOpens(Optional<Boolean> trackOpens) {
            this.trackOpens = trackOpens;
            return this;
        }

        public Builder trackClicks(Optional<Boolean> trackClicks) {
            this.trackClicks = trackClicks;
            return this;
        }

        public Builder dkim(Optional<Boolean> dkim) {
            this.dkim = dkim;
            return this;
        }

        public Builder callbackUrl(Optional<String> callbackUrl) {
            this.callbackUrl = callbackUrl;
            return this;
        }

        public Builder mailingList(Optional<String> mailingList) {
            this.mailingList = mailingList;
            return this;
        }

        public Builder size(long size) {
            this.size = size;
            return this;
        }

        public OutboundMetadata build() {
            return new OutboundMetadata(account.value(), domain.asString(), messageId, from, subject, tags, variables, testMode,
                trackOpens, trackClicks, dkim, callbackUrl, size, mailingList);
        }
    }
}
