package io.postyard.smtp;

import java.util.Locale;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.api.DomainListException;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.RcptHook;

/**
 * Accepts {@code postmaster@} every local domain, user or not (RFC 5321 4.5.1): James's {@code PostmasterAlias} then
 * hands it to the operator's postmaster address. It must come before {@code ValidRcptHandler}, which would refuse a
 * postmaster that is no user.
 */
public class AcceptPostmaster implements RcptHook {
    private static final String POSTMASTER = "postmaster";

    private final DomainList localDomains;

    @Inject
    public AcceptPostmaster(DomainList localDomains) {
        this.localDomains = localDomains;
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress rcpt) {
        try {
            if (rcpt.getLocalPart().toLowerCase(Locale.ROOT).equals(POSTMASTER) && localDomains.containsDomain(rcpt.getDomain())) {
                return HookResult.OK;
            }
            return HookResult.DECLINED;
        } catch (DomainListException e) {
            throw new IllegalStateException("James could not list its domains", e);
        }
    }
}
