package io.postyard.opensrs;

import java.util.Locale;

import javax.mail.internet.AddressException;

import org.apache.james.core.MailAddress;

/** Checks shared by attribute rules. */
final class Text {
    /** No control characters at all: values end up in headers (autoresponder subject) and log lines. */
    static boolean isPlain(String value, int maxLength) {
        return value.length() <= maxLength && value.chars().noneMatch(Character::isISOControl);
    }

    /** Free text (an autoresponder body) may have line breaks, nothing else of the control characters. */
    static boolean isMultiline(String value, int maxLength) {
        return value.length() <= maxLength && value.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }

    static boolean isAddress(String value) {
        if (!isPlain(value, 320)) {
            return false;
        }
        try {
            new MailAddress(value.trim().toLowerCase(Locale.ROOT));
            return value.contains("@");
        } catch (AddressException e) {
            return false;
        }
    }

    static boolean isDomainName(String value) {
        try {
            OmaNames.domain(value);
            return true;
        } catch (OmaException e) {
            return false;
        }
    }

    private Text() {
    }
}
