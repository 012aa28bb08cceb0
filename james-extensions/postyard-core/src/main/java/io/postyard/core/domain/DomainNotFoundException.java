package io.postyard.core.domain;

import org.apache.james.core.Domain;

public class DomainNotFoundException extends RuntimeException {
    public DomainNotFoundException(Domain domain) {
        super("Domain " + domain.asString() + " not found");
    }
}
