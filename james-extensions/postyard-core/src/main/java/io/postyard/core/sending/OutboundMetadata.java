package io.postyard.core.sending;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

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
                               @JsonProperty("size") long size) {
    public static final AttributeName ATTRIBUTE = AttributeName.of("postyard.outbound");
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
    }

    public static Optional<OutboundMetadata> of(Mail mail) {
        return mail.getAttribute(ATTRIBUTE)
            .flatMap(attribute -> attribute.getValue().valueAs(String.class))
            .map(OutboundMetadata::fromJson);
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
}
