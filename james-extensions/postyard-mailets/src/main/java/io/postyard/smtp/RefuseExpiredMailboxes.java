package io.postyard.smtp;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPRetCode;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.dsn.DSNStatus;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.RcptHook;

import io.postyard.core.mailbox.HostedMailboxService;

/**
 * Refuses mail to a temporary mailbox past its expiry with 550 at RCPT, though the timed job may not have removed it
 * yet: an expired address stops accepting mail at once. Once removed, {@code ValidRcptHandler} refuses it as unknown.
 */
public class RefuseExpiredMailboxes implements RcptHook {
    private final HostedMailboxService mailboxes;

    @Inject
    public RefuseExpiredMailboxes(HostedMailboxService mailboxes) {
        this.mailboxes = mailboxes;
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress rcpt) {
        if (mailboxes.isExpired(rcpt)) {
            return HookResult.builder()
                .hookReturnCode(HookReturnCode.deny())
                .smtpReturnCode(SMTPRetCode.MAILBOX_PERM_UNAVAILABLE)
                .smtpDescription(DSNStatus.getStatus(DSNStatus.PERMANENT, DSNStatus.ADDRESS_MAILBOX) + " Mailbox " + rcpt.asString()
                    + " has expired")
                .build();
        }
        return HookResult.DECLINED;
    }
}
