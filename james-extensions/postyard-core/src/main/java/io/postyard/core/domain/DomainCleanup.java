package io.postyard.core.domain;

import org.apache.james.core.Domain;

/** Removes one kind of data a domain owns when the domain is deleted; each store contributes its own. */
@FunctionalInterface
public interface DomainCleanup {
    void cleanup(Domain domain);
}
