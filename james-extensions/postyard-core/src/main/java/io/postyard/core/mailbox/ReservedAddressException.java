package io.postyard.core.mailbox;

import org.apache.james.core.MailAddress;

/** A mailbox was asked for at a role address ({@link ReservedLocalParts}). */
public class ReservedAddressException extends RuntimeException {
    public ReservedAddressException(MailAddress address) {
        super("'" + address.asString() + "' is a reserved address: only the operator can create it");
    }
}
