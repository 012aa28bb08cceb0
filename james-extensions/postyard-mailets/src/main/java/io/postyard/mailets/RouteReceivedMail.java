package io.postyard.mailets;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

import io.postyard.core.inbound.InboundRouter;

/**
 * Hands received mail to the providers' inbound routers (Mailgun's routes) before James's mailboxes. The recipients a
 * router takes leave the mail; a mail none of whose recipients is left ends here.
 */
public class RouteReceivedMail extends GenericMailet {
    private final Set<InboundRouter> routers;

    @Inject
    public RouteReceivedMail(Set<InboundRouter> routers) {
        this.routers = Set.copyOf(routers);
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        for (InboundRouter router : routers) {
            if (mail.getRecipients().isEmpty()) {
                break;
            }
            Set<MailAddress> taken = router.route(mail);
            if (!taken.isEmpty()) {
                List<MailAddress> left = new ArrayList<>(mail.getRecipients());
                left.removeAll(taken);
                mail.setRecipients(left);
            }
        }
        if (mail.getRecipients().isEmpty()) {
            mail.setState(Mail.GHOST);
        }
    }

    @Override
    public String getMailetInfo() {
        return "Routes received mail through the providers' inbound routers";
    }
}
