package io.postyard.core.address;

import java.util.Locale;
import java.util.Optional;

import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;

import org.apache.james.core.MailAddress;

/**
 * Whether a string is a bare addr-spec: no display name, comment or surrounding space. Two parsers must accept it:
 * javax.mail for the RFC 5322 grammar, and James's {@link MailAddress} for what SMTP needs on top (host-name rules
 * and lengths for the domain), since an address James cannot send to is of no use here. Printable ASCII only:
 * internationalized addresses (RFC 6531) are refused.
 */
final class AddressSyntax {
    /** RFC 5321 4.5.3.1: the longest local part, and the longest address that fits a 256-octet path. */
    private static final int MAX_LOCAL_PART_LENGTH = 64;
    private static final int MAX_ADDRESS_LENGTH = 254;

    private AddressSyntax() {
    }

    static Optional<AddressParts> parse(String address) {
        if (address.isEmpty()
            || address.length() > MAX_ADDRESS_LENGTH
            || !isPrintableAscii(address)
            || !isBareAddrSpec(address)
            || !isMailAddress(address)) {
            return Optional.empty();
        }
        // The domain cannot hold an '@', the local part can (quoted): the last one is the separator.
        int at = address.lastIndexOf('@');
        String localPart = address.substring(0, at);
        if (localPart.length() > MAX_LOCAL_PART_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(new AddressParts(localPart, address.substring(at + 1).toLowerCase(Locale.ROOT)));
    }

    /**
     * Both parsers trim their input, so "bob@example.com\r\n" (a header injection) would pass them; and both let
     * non-ASCII through inside quotes, which SMTP without SMTPUTF8 cannot carry.
     */
    private static boolean isPrintableAscii(String address) {
        return address.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
    }

    /** The parsed address differs from the input when the input carried a display name, a comment or spaces. */
    private static boolean isBareAddrSpec(String address) {
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return parsed.getPersonal() == null && address.equals(parsed.getAddress());
        } catch (AddressException e) {
            return false;
        }
    }

    private static boolean isMailAddress(String address) {
        try {
            new MailAddress(address);
            return true;
        } catch (AddressException e) {
            return false;
        }
    }
}
