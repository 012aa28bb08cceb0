package io.postyard.mailgun;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"domain", "message", "receiving_dns_records", "sending_dns_records"})
record DomainDetailView(@JsonProperty("domain") DomainView domain,
                        @JsonProperty("message") String message,
                        @JsonProperty("receiving_dns_records") List<DnsRecordView> receivingDnsRecords,
                        @JsonProperty("sending_dns_records") List<DnsRecordView> sendingDnsRecords) {
}
