package io.postyard.opensrs;

import java.util.Locale;

import javax.mail.internet.AddressException;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;

/** Mailbox and domain names as OMA takes them: case-insensitive, a mailbox always with its domain. */
final class OmaNames {
    static Username user(String value) {
        try {
            MailAddress address = new MailAddress(value.trim().toLowerCase(Locale.ROOT));
            return Username.fromMailAddress(address);
        } catch (AddressException | IllegalArgumentException e) {
            throw OmaException.malformed("Not a mailbox address: " + printable(value));
        }
    }

    static Domain domain(String value) {
        try {
            Domain domain = Domain.of(value.trim().toLowerCase(Locale.ROOT));
            if (!domain.asString().matches("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+")) {
                throw new IllegalArgumentException();
            }
            return domain;
        } catch (IllegalArgumentException e) {
            throw OmaException.malformed("Not a domain name: " + printable(value));
        }
    }

    /** Control characters never reach an answer or a log line. */
    static String printable(String value) {
        String cut = value.length() > 200 ? value.substring(0, 200) + "..." : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private OmaNames() {
    }
}
