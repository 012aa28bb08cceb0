package io.postyard.core.event;

import java.util.Locale;

/** How final a failure is: a permanent failure is never retried, a temporary one may still be delivered. */
public enum Severity {
    PERMANENT,
    TEMPORARY;

    public String asString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
