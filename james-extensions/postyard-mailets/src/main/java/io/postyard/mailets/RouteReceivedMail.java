package io.postyard.mailets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

import io.postyard.core.inbound.InboundRouter;

/**
 * Hands mail for local addresses to the providers' inbound routers (Mailgun's routes and mailing lists) before James's
 * mailboxes. The recipients a router takes leave the mail, those it refuses are bounced to the sender with its reason;
 * a mail none of whose recipients is left ends here.
 */
public class RouteReceivedMail extends GenericMailet {
    private final List<InboundRouter> routers;
    private String refusedProcessor;

    @Inject
    public RouteReceivedMail(Set<InboundRouter> routers) {
        // In the order the providers bound them: the first that takes a recipient has it.
        this.routers = List.copyOf(routers);
    }

    @Override
    public void init() {
        refusedProcessor = getInitParameter("refusedProcessor", "route-refused");
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        for (InboundRouter router : routers) {
            if (mail.getRecipients().isEmpty()) {
                break;
            }
            InboundRouter.Routing routing = router.route(mail);
            bounce(mail, routing.refused());
            if (!routing.taken().isEmpty() || !routing.refused().isEmpty()) {
                List<MailAddress> left = new ArrayList<>(mail.getRecipients());
                left.removeAll(routing.taken());
                left.removeAll(routing.refused().keySet());
                mail.setRecipients(left);
            }
        }
        if (mail.getRecipients().isEmpty()) {
            mail.setState(Mail.GHOST);
        }
    }

    /**
     * One mail per reason, with the reason as its error message, to the {@code refusedProcessor}, whose James
     * {@code Bounce} tells the sender.
     */
    private void bounce(Mail mail, Map<MailAddress, String> refused) throws MessagingException {
        Map<String, List<MailAddress>> byReason = refused.entrySet().stream()
            .collect(Collectors.groupingBy(Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        for (Map.Entry<String, List<MailAddress>> reason : byReason.entrySet()) {
            Mail copy = mail.duplicate();
            try {
                copy.setRecipients(reason.getValue());
                copy.setErrorMessage(reason.getKey());
                getMailetContext().sendMail(copy, refusedProcessor);
            } finally {
                LifecycleUtil.dispose(copy);
            }
        }
    }

    @Override
    public String getMailetInfo() {
        return "Routes received mail through the providers' inbound routers";
    }
}
