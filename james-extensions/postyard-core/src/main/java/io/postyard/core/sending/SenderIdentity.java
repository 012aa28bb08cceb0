package io.postyard.core.sending;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.james.core.MailAddress;

/** Who a message is sent as: the addresses its envelope sender, {@code From} and {@code Sender} may name. */
@FunctionalInterface
public interface SenderIdentity {
    boolean mayUse(MailAddress address);

    /** A hosted mailbox sends as itself only. */
    static SenderIdentity mailbox(MailAddress own) {
        return address -> address.asString().equalsIgnoreCase(own.asString());
    }

    /**
     * Received mail sent on (a route's forward, a stored message resent) keeps the authors it came with, and may name
     * no one else: the account did not write it, and cannot use the forward to write as anyone it chooses.
     */
    static SenderIdentity receivedFrom(Collection<MailAddress> authors) {
        Set<String> allowed = authors.stream().map(address -> address.asString().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return address -> allowed.contains(address.asString().toLowerCase(Locale.ROOT));
    }
}
