package io.postyard.core.event;

import java.util.Locale;
import java.util.Optional;

import org.apache.james.core.MailAddress;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.address.MailboxList;
import org.apache.james.mime4j.field.address.LenientAddressParser;

/**
 * The events API's {@code from} filter. Mailgun documents it as "an email address mentioned in the From MIME header":
 * a filter that is an address matches the header's address (its first, when the header names several) exactly,
 * ignoring case, so that {@code bob@example.com} does not find {@code rebob@example.com}; anything else (a name, a
 * domain, part of an address) is a substring of the header, ignoring case. Stores find an address by an index on
 * {@link #addressKey}; a substring has no index.
 */
public final class FromFilter {
    /** The filter's address in the form {@link #addressKey} gives, when the filter is an address. */
    public static Optional<String> address(String filter) {
        String trimmed = filter.trim();
        if (trimmed.isEmpty() || trimmed.chars().anyMatch(c -> c == '<' || c == '>' || c == ',' || Character.isWhitespace(c))) {
            return Optional.empty();
        }
        try {
            MailAddress address = new MailAddress(trimmed);
            // "shop@example" is more likely the start of shop@example.com than an address on a one-label domain.
            String domain = address.getDomain().asString();
            return domain.contains(".") || domain.startsWith("[")
                ? Optional.of(address.asString().toLowerCase(Locale.ROOT))
                : Optional.empty();
        } catch (Exception notAnAddress) {
            return Optional.empty();
        }
    }

    /** The address of a From header's first mailbox in lower case; none when the header holds no readable address. */
    public static Optional<String> addressKey(String fromHeader) {
        MailboxList mailboxes = LenientAddressParser.DEFAULT.parseAddressList(fromHeader).flatten();
        if (mailboxes.isEmpty()) {
            return Optional.empty();
        }
        Mailbox first = mailboxes.get(0);
        return Optional.ofNullable(first.getAddress())
            .filter(address -> first.getDomain() != null && !first.getDomain().isEmpty())
            .map(address -> address.toLowerCase(Locale.ROOT));
    }

    public static boolean matches(String filter, String fromHeader) {
        return address(filter)
            .map(wanted -> addressKey(fromHeader).map(wanted::equals).orElse(false))
            .orElseGet(() -> fromHeader.toLowerCase(Locale.ROOT).contains(filter.toLowerCase(Locale.ROOT)));
    }

    private FromFilter() {
    }
}
