package io.postyard.mailgun;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

@JsonPropertyOrder(alphabetic = true)
record CredentialCreatedView(@JsonProperty("created_at") String createdAt,
                             @JsonProperty("message") String message,
                             @JsonProperty("note") String note,
                             @JsonProperty("updated_at") String updatedAt,
                             @JsonProperty("username") String username) {
}
