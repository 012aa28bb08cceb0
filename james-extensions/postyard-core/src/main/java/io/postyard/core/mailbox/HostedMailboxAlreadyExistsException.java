package io.postyard.core.mailbox;

import org.apache.james.core.MailAddress;

public class HostedMailboxAlreadyExistsException extends RuntimeException {
    public HostedMailboxAlreadyExistsException(MailAddress address) {
        super("Mailbox " + address.asString() + " already exists");
    }
}
