package io.postyard.core.sending;

import io.postyard.core.domain.MailDomain;

/** The domain exists but its state forbids sending: unverified, or disabled by its owner's kill switch. */
public class DomainCannotSendException extends RuntimeException {
    private final MailDomain domain;

    public DomainCannotSendException(MailDomain domain) {
        super("Domain " + domain.name().asString() + " is " + domain.state().asString() + " and cannot send");
        this.domain = domain;
    }

    public MailDomain domain() {
        return domain;
    }
}
