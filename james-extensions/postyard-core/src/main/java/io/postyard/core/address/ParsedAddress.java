package io.postyard.core.address;

import java.util.Objects;
import java.util.Optional;

/**
 * One mailbox of an address list.
 *
 * @param name   the display name, unquoted and decoded; absent when there was none, or an empty one
 * @param email  {@code localPart@domain}
 * @param domain in lower case
 */
public record ParsedAddress(Optional<String> name, String email, String localPart, String domain) {
    public ParsedAddress {
        Objects.requireNonNull(name);
        Objects.requireNonNull(email);
        Objects.requireNonNull(localPart);
        Objects.requireNonNull(domain);
    }

    static ParsedAddress of(Optional<String> name, AddressParts parts) {
        return new ParsedAddress(name, parts.address(), parts.localPart(), parts.domain());
    }
}
