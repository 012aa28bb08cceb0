package io.postyard.core.address;

import java.util.List;

/**
 * An address list sorted out, each in input order.
 *
 * @param unparseable the entries that are not a mailbox with a valid address, as written (trimmed)
 */
public record ParsedAddressList(List<ParsedAddress> parsed, List<String> unparseable) {
    public ParsedAddressList {
        parsed = List.copyOf(parsed);
        unparseable = List.copyOf(unparseable);
    }
}
