package io.postyard.smtp;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.dsn.DSNStatus;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.MailHook;
import org.apache.james.smtpserver.JamesMessageHook;
import org.apache.mailet.Mail;

import io.postyard.core.sending.SenderHeaders;
import io.postyard.core.sending.SenderIdentities;
import io.postyard.core.sending.SenderIdentity;
import io.postyard.core.sending.SenderNotAllowedException;

/**
 * The sender policy of the APIs, applied to authenticated SMTP on every listener: {@code MAIL FROM} must be an
 * address the login may use ({@link SenderIdentities}), and so must every {@code From} and {@code Sender} address of
 * the message, else 550 5.7.1. Unauthenticated mail is inbound mail for local users, where any sender may write.
 */
public class EnforceSenderPolicy implements MailHook, JamesMessageHook {
    private final SenderIdentities identities;

    @Inject
    public EnforceSenderPolicy(SenderIdentities identities) {
        this.identities = identities;
    }

    @Override
    public HookResult doMail(SMTPSession session, MaybeSender sender) {
        if (session.getUsername() == null || sender.isNullSender()) {
            return HookResult.DECLINED;
        }
        if (identities.ofLogin(session.getUsername()).mayUse(sender.get())) {
            return HookResult.DECLINED;
        }
        return refuse("Sender address " + sender.asString() + " is not one " + session.getUsername().asString() + " may use");
    }

    @Override
    public HookResult onMessage(SMTPSession session, Mail mail) {
        if (session.getUsername() == null) {
            return HookResult.DECLINED;
        }
        SenderIdentity identity = identities.ofLogin(session.getUsername());
        try {
            SenderHeaders.check(identity, mail.getMessage());
            return HookResult.DECLINED;
        } catch (SenderNotAllowedException e) {
            return refuse(e.getMessage());
        } catch (MessagingException e) {
            return refuse("The message cannot be read");
        }
    }

    private static HookResult refuse(String reason) {
        return HookResult.builder()
            .hookReturnCode(HookReturnCode.deny())
            .smtpReturnCode("550")
            .smtpDescription(DSNStatus.getStatus(DSNStatus.PERMANENT, DSNStatus.SECURITY_AUTH) + " " + reason)
            .build();
    }
}
