package io.postyard.mailgun;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
record DnsRecordView(@JsonProperty("name") String name,
                     @JsonProperty("priority") Integer priority,
                     @JsonProperty("record_type") String recordType,
                     @JsonProperty("state") String state,
                     @JsonProperty("valid") boolean valid,
                     @JsonProperty("value") String value) {
}
