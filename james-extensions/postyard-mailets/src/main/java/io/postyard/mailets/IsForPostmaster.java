package io.postyard.mailets;

import java.util.Collection;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;

/**
 * The recipients that are the operator's postmaster address, which {@code PostmasterAlias} put in place of
 * {@code postmaster@} a local domain: RFC 5321 mail anyone may send, delivered wherever the operator reads it, even
 * outside this server.
 */
public class IsForPostmaster extends GenericMatcher {
    @Override
    public Collection<MailAddress> match(Mail mail) {
        MailAddress postmaster = getMailetContext().getPostmaster();
        return mail.getRecipients().stream().filter(postmaster::equals).toList();
    }
}
