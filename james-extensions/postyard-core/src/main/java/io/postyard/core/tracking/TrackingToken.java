package io.postyard.core.tracking;

import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a tracking link stands for: an open, a click (with its target) or an unsubscribe (optionally from one tag),
 * by one recipient of one message. Short JSON names keep links short.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record TrackingToken(@JsonProperty("k") Kind kind,
                            @JsonProperty("a") String account,
                            @JsonProperty("d") String domain,
                            @JsonProperty("m") String messageId,
                            @JsonProperty("r") String recipient,
                            @JsonProperty("u") Optional<String> url,
                            @JsonProperty("t") Optional<String> tag) {
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
    }
}
