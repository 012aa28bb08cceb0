package io.postyard.core.domain;

/** The DNS records a hosted domain needs, by what they are for. */
public enum DnsRecordKind {
    MX,
    SPF,
    DKIM,
    /** The account's ownership token in a TXT record: proves the domain is the account's without moving its MX here. */
    OWNERSHIP
}
