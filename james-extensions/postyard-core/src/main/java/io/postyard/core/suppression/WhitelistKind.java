package io.postyard.core.suppression;

import java.util.Locale;

/** A whitelist entry names a single address, or a whole domain. */
public enum WhitelistKind {
    ADDRESS,
    DOMAIN;

    public String asString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
