package io.postyard.core.dns;

import java.util.Objects;

/**
 * One MX record: the host to deliver to (lower case, without final dot) and its preference (lower is tried first).
 * A host of {@code "."} is the "null MX" of RFC 7505, by which a domain says it accepts no mail at all.
 */
public record MxRecord(String host, int preference) {
    public static final String NULL_MX_HOST = ".";

    public MxRecord {
        Objects.requireNonNull(host);
        if (preference < 0 || preference > 0xFFFF) {
            throw new IllegalArgumentException("MX preference must be between 0 and 65535: " + preference);
        }
    }

    public boolean isNullMx() {
        return NULL_MX_HOST.equals(host);
    }
}
