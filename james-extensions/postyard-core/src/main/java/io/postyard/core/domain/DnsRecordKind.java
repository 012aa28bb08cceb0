package io.postyard.core.domain;

/** The DNS records a hosted domain needs, by what they are for. */
public enum DnsRecordKind {
    MX,
    SPF,
    DKIM
}
