package io.postyard.smtp;

import java.util.Locale;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.RcptHook;

import io.postyard.core.domain.DomainService;

/**
 * Accepts {@code bounce+...@<our domain>}, the envelope sender of mail we send, though no user has that address:
 * delivery reports and abuse reports come back to it. It must come before {@code ValidRcptHandler}.
 */
public class AcceptBounceAddresses implements RcptHook {
    private final DomainService domains;

    @Inject
    public AcceptBounceAddresses(DomainService domains) {
        this.domains = domains;
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress rcpt) {
        if (rcpt.getLocalPart().toLowerCase(Locale.ROOT).startsWith("bounce+") && domains.find(rcpt.getDomain()).isPresent()) {
            return HookResult.OK;
        }
        return HookResult.DECLINED;
    }
}
