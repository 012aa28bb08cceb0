package io.postyard.mailgun.list;

import java.util.Locale;
import java.util.Objects;

/**
 * A member of a mailing list: its address (kept in lower case), name, variables (a JSON object, filled into
 * {@code %recipient.x%} of list mail) and whether it gets list mail.
 */
public record ListMember(String address, String name, String vars, boolean subscribed) {
    public static final String NO_VARS = "{}";

    public ListMember {
        Objects.requireNonNull(address);
        address = address.toLowerCase(Locale.ROOT);
        Objects.requireNonNull(name);
        Objects.requireNonNull(vars);
    }
}
