package io.postyard.mailgun;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

@JsonPropertyOrder({"domain", "receiving_dns_records", "sending_dns_records"})
record DomainDetailView(@JsonProperty("domain") DomainView domain,
                        @JsonProperty("receiving_dns_records") List<DnsRecordView> receivingDnsRecords,
                        @JsonProperty("sending_dns_records") List<DnsRecordView> sendingDnsRecords) {
}
