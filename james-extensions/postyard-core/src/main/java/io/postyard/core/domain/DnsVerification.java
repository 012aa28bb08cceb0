package io.postyard.core.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The outcome of the last DNS check of a domain: which expected records were found, and when. */
public record DnsVerification(Optional<Instant> checkedAt, Map<DnsRecordKind, Boolean> valid) {
    public static final DnsVerification NEVER = new DnsVerification(Optional.empty(), Map.of());

    public DnsVerification {
        Objects.requireNonNull(checkedAt);
        valid = Map.copyOf(valid);
    }

    public boolean isValid(DnsRecordKind kind) {
        return valid.getOrDefault(kind, false);
    }

    /** Receiving here needs the MX pointing here, or the ownership token published. */
    public boolean ownershipProven() {
        return isValid(DnsRecordKind.MX) || isValid(DnsRecordKind.OWNERSHIP);
    }

    /** Sending needs SPF and DKIM; MX only matters for receiving. */
    public boolean sendingRecordsValid() {
        return isValid(DnsRecordKind.SPF) && isValid(DnsRecordKind.DKIM);
    }
}
