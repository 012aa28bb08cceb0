package io.postyard.smtp;

import java.util.List;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.RcptHook;

import io.postyard.core.inbound.InboundRouter;

/**
 * Accepts an address no mailbox has when a provider's route may take its mail (a Mailgun route matching the recipient,
 * or a catch-all of the domain's account). It must come before {@code ValidRcptHandler}, which refuses it otherwise.
 */
public class AcceptRoutedRecipients implements RcptHook {
    private final List<InboundRouter> routers;

    @Inject
    public AcceptRoutedRecipients(Set<InboundRouter> routers) {
        // In the order the providers bound them: the first that takes a recipient has it.
        this.routers = List.copyOf(routers);
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress rcpt) {
        return routers.stream().anyMatch(router -> router.mayTake(rcpt)) ? HookResult.OK : HookResult.DECLINED;
    }
}
