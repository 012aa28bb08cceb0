package io.postyard.cassandra;

import javax.mail.internet.AddressException;

import org.apache.james.core.MailAddress;

/** Addresses are stored as text; what was a valid address when written is one when read. */
public final class MailAddresses {
    public static MailAddress parse(String stored) {
        try {
            return new MailAddress(stored);
        } catch (AddressException e) {
            throw new IllegalStateException("A stored address is not an address: " + stored, e);
        }
    }

    private MailAddresses() {
    }
}
