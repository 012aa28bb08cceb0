package io.postyard.mailets;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;

import io.postyard.core.domain.DomainService;
import io.postyard.core.sending.OutboundMetadata;

/**
 * Mail that Postyard sends for an account: built by a provider API, or submitted over SMTP by a login of one of the
 * accounts' domains. Such mail goes through the events, suppression, tracking and DKIM steps.
 */
public class IsPostyardOutbound extends GenericMatcher {
    private final DomainService domains;

    @Inject
    public IsPostyardOutbound(DomainService domains) {
        this.domains = domains;
    }

    @Override
    public Collection<MailAddress> match(Mail mail) {
        if (OutboundMetadata.of(mail).isPresent() || submittingDomain(mail).isPresent()) {
            return mail.getRecipients();
        }
        return List.of();
    }

    Optional<Domain> submittingDomain(Mail mail) {
        return mail.getAttribute(Mail.SMTP_AUTH_USER)
            .flatMap(attribute -> attribute.getValue().valueAs(String.class))
            .flatMap(user -> Username.of(user).getDomainPart())
            .filter(domain -> domains.find(domain).isPresent());
    }
}
