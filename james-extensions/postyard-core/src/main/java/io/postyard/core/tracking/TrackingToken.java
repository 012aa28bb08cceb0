package io.postyard.core.tracking;

import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a tracking link stands for: an open, a click (with its target) or an unsubscribe (optionally from one tag, or
 * from the mailing list the message came through), by one recipient of one message. Short JSON names keep links short.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record TrackingToken(@JsonProperty("k") Kind kind,
                            @JsonProperty("a") String account,
                            @JsonProperty("d") String domain,
                            @JsonProperty("m") String messageId,
                            @JsonProperty("r") String recipient,
                            @JsonProperty("u") Optional<String> url,
                            @JsonProperty("t") Optional<String> tag,
                            @JsonProperty("l") Optional<String> mailingList) {
    public enum Kind {
        @JsonProperty("o") OPEN,
        @JsonProperty("c") CLICK,
        @JsonProperty("u") UNSUBSCRIBE
    }

    @JsonCreator
    public TrackingToken {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(account);
        Objects.requireNonNull(domain);
        Objects.requireNonNull(messageId);
        Objects.requireNonNull(recipient);
        url = url == null ? Optional.empty() : url;
        tag = tag == null ? Optional.empty() : tag;
        mailingList = mailingList == null ? Optional.empty() : mailingList;
    }

    public TrackingToken(Kind kind, String account, String domain, String messageId, String recipient, Optional<String> url,
                         Optional<String> tag) {
        this(kind, account, domain, messageId, recipient, url, tag, Optional.empty());
    }
}
