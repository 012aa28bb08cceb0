package io.postyard.mailets;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;

import io.postyard.core.domain.DomainService;

/**
 * Mail to one of our domains that is a report about mail we sent ({@code multipart/report}), or anything sent to a
 * bounce address ({@code bounce+...}), not yet looked at.
 */
public class IsFeedbackReport extends GenericMatcher {
    private final DomainService domains;

    @Inject
    public IsFeedbackReport(DomainService domains) {
        this.domains = domains;
    }

    @Override
    public Collection<MailAddress> match(Mail mail) throws MessagingException {
        if (mail.getAttribute(RecordFeedbackReport.PROCESSED).isPresent()) {
            return List.of();
        }
        boolean toOurDomain = mail.getRecipients().stream().anyMatch(recipient -> domains.find(recipient.getDomain()).isPresent());
        if (!toOurDomain) {
            return List.of();
        }
        boolean toBounceAddress = mail.getRecipients().stream()
            .anyMatch(recipient -> recipient.getLocalPart().toLowerCase(Locale.ROOT).startsWith(RecordFeedbackReport.BOUNCE_PREFIX));
        if (toBounceAddress || mail.getMessage().isMimeType("multipart/report")) {
            return mail.getRecipients();
        }
        return List.of();
    }
}
