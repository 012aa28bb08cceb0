package io.postyard.smtp;

import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.MailHook;

/**
 * Makes a listener a submission port (RFC 6409): no transaction starts before AUTH, whatever the recipient. James's
 * own settings only require AUTH for relaying, which would let anyone drop mail for local users here.
 */
public class AuthenticationRequiredHook implements MailHook {
    private static final HookResult AUTHENTICATION_REQUIRED = HookResult.builder()
        .hookReturnCode(HookReturnCode.deny())
        .smtpReturnCode("530")
        .smtpDescription("5.7.0 Authentication required")
        .build();

    @Override
    public HookResult doMail(SMTPSession session, MaybeSender sender) {
        if (session.getUsername() == null) {
            return AUTHENTICATION_REQUIRED;
        }
        return HookResult.DECLINED;
    }
}
