package io.postyard.core.inbound;

import java.util.Set;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;

/**
 * A provider's handling of received mail before James's mailboxes: Mailgun's routes turn mail for an account's
 * domains into HTTP posts, forwards and stored messages. Each provider contributes one; the mail pipeline knows none.
 */
public interface InboundRouter {
    /**
     * At {@code RCPT}, before the message is known: whether mail for an address no mailbox has may still be taken by
     * a route, so that SMTP accepts it.
     */
    boolean mayTake(MailAddress recipient);

    /**
     * Acts on the recipients of a received mail that this router takes, and tells which they were: those are not
     * delivered to mailboxes. Called again for the same mail after a storage outage, so it must act once per mail.
     */
    Set<MailAddress> route(Mail mail) throws MessagingException;
}
