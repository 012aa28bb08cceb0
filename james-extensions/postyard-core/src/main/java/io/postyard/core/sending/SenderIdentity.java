package io.postyard.core.sending;

import org.apache.james.core.MailAddress;

/** Who a message is sent as: the addresses its envelope sender, {@code From} and {@code Sender} may name. */
@FunctionalInterface
public interface SenderIdentity {
    boolean mayUse(MailAddress address);

    /** A hosted mailbox sends as itself only. */
    static SenderIdentity mailbox(MailAddress own) {
        return address -> address.asString().equalsIgnoreCase(own.asString());
    }
}
