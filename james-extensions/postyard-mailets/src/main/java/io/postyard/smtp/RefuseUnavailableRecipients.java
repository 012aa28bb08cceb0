package io.postyard.smtp;

import java.util.Set;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPRetCode;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.dsn.DSNStatus;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.RcptHook;

import io.postyard.core.mailbox.MailUserPolicy;

/**
 * Refuses with 550 at RCPT the addresses a provider has taken out of service (a deleted user kept for restoring, a
 * deleted domain), although James still knows the user: nothing is accepted that no one would read.
 */
public class RefuseUnavailableRecipients implements RcptHook {
    private final Set<MailUserPolicy> policies;

    @Inject
    public RefuseUnavailableRecipients(Set<MailUserPolicy> policies) {
        this.policies = Set.copyOf(policies);
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress rcpt) {
        if (policies.stream().allMatch(policy -> policy.acceptsMail(rcpt))) {
            return HookResult.DECLINED;
        }
        return HookResult.builder()
            .hookReturnCode(HookReturnCode.deny())
            .smtpReturnCode(SMTPRetCode.MAILBOX_PERM_UNAVAILABLE)
            .smtpDescription(DSNStatus.getStatus(DSNStatus.PERMANENT, DSNStatus.ADDRESS_MAILBOX) + " Mailbox " + rcpt.asString()
                + " is unavailable")
            .build();
    }
}
