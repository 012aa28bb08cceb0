package io.postyard.core.domain;

import java.util.Objects;
import java.util.Optional;

/** A record the domain owner must publish: its kind, DNS type, owner name, value and MX priority. */
public record ExpectedDnsRecord(DnsRecordKind kind, String type, String name, String value, Optional<Integer> priority) {
    public ExpectedDnsRecord {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(type);
        Objects.requireNonNull(name);
        Objects.requireNonNull(value);
        Objects.requireNonNull(priority);
    }
}
