package io.postyard.core.address;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

import org.apache.james.mime4j.codec.EncoderUtil;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.DefaultAddressParser;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.field.address.ParseException;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.util.ByteArrayBuffer;

/**
 * Reads an address list the way a To header is read (RFC 5322 address-list) and sorts its entries into mailboxes and
 * unparseable pieces, as Mailgun's parse API does. No DNS is asked.
 *
 * <p>mime4j's lenient parser finds where each entry ends, so commas inside quoted display names ("Smith, John"),
 * comments and angle brackets do not split it. Each entry is then parsed on its own by mime4j's strict RFC 5322
 * parser, and its address must pass the same syntax check as {@link AddressValidator}. A group ({@code team: a@x,
 * b@x;}) is one unparseable entry: it is not a mailbox.
 */
public class AddressListParser {
    private static final BitSet ENTRY_END = RawFieldParser.INIT_BITSET(',');

    public ParsedAddressList parse(String addresses) {
        List<ParsedAddress> parsed = new ArrayList<>();
        List<String> unparseable = new ArrayList<>();
        // UTF-8 bytes, so that cursor positions cut the input between characters; every delimiter is ASCII.
        byte[] bytes = addresses.getBytes(UTF_8);
        ByteArrayBuffer buffer = new ByteArrayBuffer(bytes, true);
        ParserCursor cursor = new ParserCursor(0, bytes.length);
        while (!cursor.atEnd()) {
            int start = cursor.getPos();
            if (bytes[start] == ',') {
                cursor.updatePos(start + 1);
                continue;
            }
            Address lenient = LenientAddressParser.DEFAULT.parseAddress(buffer, cursor, ENTRY_END);
            if (cursor.getPos() == start) {
                cursor.updatePos(start + 1);
            }
            String entry = new String(bytes, start, cursor.getPos() - start, UTF_8).strip();
            if (!entry.isEmpty()) {
                mailbox(entry, lenient).ifPresentOrElse(parsed::add, () -> unparseable.add(entry));
            }
        }
        return new ParsedAddressList(parsed, unparseable);
    }

    private static Optional<ParsedAddress> mailbox(String entry, Address lenient) {
        if (entry.chars().anyMatch(c -> c != '\t' && Character.isISOControl(c))) {
            return Optional.empty();
        }
        return (isAscii(entry) ? strictMailbox(entry) : utf8Mailbox(lenient))
            .filter(mailbox -> mailbox.getDomain() != null)
            .flatMap(mailbox -> AddressSyntax.parse(addrSpec(mailbox))
                .map(parts -> ParsedAddress.of(displayName(mailbox), parts)));
    }

    private static Optional<Mailbox> strictMailbox(String entry) {
        try {
            return Optional.of(DefaultAddressParser.DEFAULT.parseMailbox(entry));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /**
     * RFC 6532 allows UTF-8 display names ("Zoë Müller"), which mime4j's strict grammar predates; for such entries the
     * lenient reading stands. It read each byte as one ISO-8859-1 character, so the name is decoded again as UTF-8.
     */
    private static Optional<Mailbox> utf8Mailbox(Address lenient) {
        if (!(lenient instanceof Mailbox mailbox)) {
            return Optional.empty();
        }
        String name = mailbox.getName();
        if (name == null || name.chars().anyMatch(c -> c > 0xFF)) {
            return Optional.of(mailbox);
        }
        return Optional.of(new Mailbox(new String(name.getBytes(ISO_8859_1), UTF_8), mailbox.getLocalPart(), mailbox.getDomain()));
    }

    /** mime4j hands the local part unquoted ("bob smith"); quoting it again gives back an addr-spec. */
    private static String addrSpec(Mailbox mailbox) {
        return EncoderUtil.encodeAddressLocalPart(mailbox.getLocalPart()) + "@" + mailbox.getDomain();
    }

    private static Optional<String> displayName(Mailbox mailbox) {
        return Optional.ofNullable(mailbox.getName())
            .map(String::strip)
            .filter(name -> !name.isEmpty());
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }
}
