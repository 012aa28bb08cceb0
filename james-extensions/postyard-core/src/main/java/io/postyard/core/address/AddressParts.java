package io.postyard.core.address;

import java.util.Objects;

/** The two halves of an addr-spec: the local part as written, and the domain in lower case. */
public record AddressParts(String localPart, String domain) {
    public AddressParts {
        Objects.requireNonNull(localPart);
        Objects.requireNonNull(domain);
    }

    public String address() {
        return localPart + "@" + domain;
    }

    /** {@code [192.0.2.1]}: an address literal names a host, not a domain. */
    public boolean hasDomainLiteral() {
        return domain.startsWith("[");
    }
}
