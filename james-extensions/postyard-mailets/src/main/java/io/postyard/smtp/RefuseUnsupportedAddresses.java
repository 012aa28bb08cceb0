package io.postyard.smtp;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.core.Username;
import org.apache.james.protocols.smtp.SMTPRetCode;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.dsn.DSNStatus;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.RcptHook;

/**
 * Refuses, first of all RCPT checks, a recipient that is valid RFC 5321 syntax but no address a user can have here,
 * such as a quoted local part holding an {@code @} ({@code <"x@y"@example.com>}): James's own checks fail on it with
 * an exception, answering 451 and logging a stack trace. It gets a permanent 553 instead.
 */
public class RefuseUnsupportedAddresses implements RcptHook {
    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress rcpt) {
        try {
            Username.fromMailAddress(rcpt);
            return HookResult.DECLINED;
        } catch (IllegalArgumentException e) {
            return HookResult.builder()
                .hookReturnCode(HookReturnCode.deny())
                .smtpReturnCode(SMTPRetCode.SYNTAX_ERROR_MAILBOX)
                .smtpDescription(DSNStatus.getStatus(DSNStatus.PERMANENT, DSNStatus.ADDRESS_SYNTAX) + " Address not supported here")
                .build();
        }
    }
}
