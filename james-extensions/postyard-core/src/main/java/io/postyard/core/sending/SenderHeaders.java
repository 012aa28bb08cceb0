package io.postyard.core.sending;

import java.util.List;
import java.util.Locale;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;

/**
 * Checks the headers a reader takes for the author, on the message as it will be sent: every address of every
 * {@code From} header, and {@code Sender}. An address that does not parse is refused: what a mail client would make
 * of it is unknown.
 */
public final class SenderHeaders {
    private static final List<String> CHECKED = List.of("From", "Sender");

    public static void check(SenderIdentity identity, MimeMessage message) {
        for (String header : CHECKED) {
            for (String value : values(message, header)) {
                List<Mailbox> mailboxes = LenientAddressParser.DEFAULT.parseAddressList(value).flatten();
                if (mailboxes.isEmpty() && !value.isBlank()) {
                    throw refused(header, "The " + header + " header cannot be read as addresses");
                }
                for (Mailbox mailbox : mailboxes) {
                    if (!identity.mayUse(address(header, mailbox))) {
                        throw refused(header, "The " + header + " address " + mailbox.getAddress()
                            + " is not one this sender may use: it must be in a domain of the account");
                    }
                }
            }
        }
    }

    private static MailAddress address(String header, Mailbox mailbox) {
        try {
            return new MailAddress(mailbox.getAddress());
        } catch (javax.mail.internet.AddressException | IllegalArgumentException e) {
            throw refused(header, "The " + header + " header holds an address that is not valid");
        }
    }

    private static String[] values(MimeMessage message, String header) {
        try {
            String[] values = message.getHeader(header);
            return values == null ? new String[0] : values;
        } catch (MessagingException e) {
            throw refused(header, "The " + header + " header cannot be read");
        }
    }

    private static SenderNotAllowedException refused(String header, String message) {
        return new SenderNotAllowedException(header.toLowerCase(Locale.ROOT), message);
    }

    private SenderHeaders() {
    }
}
