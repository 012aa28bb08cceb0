package io.postyard.core.domain;

import org.apache.james.core.Domain;

/** A domain the server runs for a provider module cannot be taken over, changed or deleted through an API. */
public class OperatedDomainException extends RuntimeException {
    private final Domain domain;

    public OperatedDomainException(Domain domain) {
        super("Domain " + domain.asString() + " is run by this server and cannot be changed through the API");
        this.domain = domain;
    }

    public Domain domain() {
        return domain;
    }
}
