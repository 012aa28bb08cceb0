package io.postyard.core.domain;

import org.apache.james.core.Domain;

public class DomainAlreadyExistsException extends RuntimeException {
    public DomainAlreadyExistsException(Domain domain) {
        super("Domain " + domain.asString() + " already exists");
    }
}
