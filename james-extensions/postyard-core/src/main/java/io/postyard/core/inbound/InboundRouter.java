package io.postyard.core.inbound;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;

/**
 * A provider's handling of mail for local addresses before James's mailboxes, whether it was received or sent from
 * here: Mailgun's routes turn mail for an account's domains into HTTP posts, forwards and stored messages, and its
 * mailing lists send it on to their members. Each provider contributes its own; the mail pipeline knows none.
 */
public interface InboundRouter {
    /** What a router did with a mail: the recipients it took, and those it refused, each with the reason to bounce with. */
    record Routing(Set<MailAddress> taken, Map<MailAddress, String> refused) {
        public static final Routing NONE = new Routing(Set.of(), Map.of());

        public Routing {
            taken = Set.copyOf(taken);
            refused = Map.copyOf(refused);
            Objects.requireNonNull(taken);
        }

        public static Routing took(Set<MailAddress> taken) {
            return new Routing(taken, Map.of());
        }
    }

    /**
     * At {@code RCPT}, before the message is known: whether mail for an address no mailbox has may still be taken by
     * a route, so that SMTP accepts it.
     */
    boolean mayTake(MailAddress recipient);

    /**
     * Acts on the recipients of a mail that this router takes, and tells which they were: those are not delivered to
     * mailboxes; the refused ones are bounced to the sender. Called again for the same mail after a storage outage, so
     * it must act once per mail.
     */
    Routing route(Mail mail) throws MessagingException;
}
