package io.postyard.core.key;

import java.util.Set;

import javax.inject.Inject;

import io.postyard.core.domain.DomainService;

/**
 * Key management for operators: checks that a requested key makes sense (a known kind, an existing domain for a
 * domain sending key) before issuing it.
 */
public class KeyAdministration {
    private final ApiKeyService keys;
    private final DomainService domains;
    private final Set<KeyKind> knownKinds;

    @Inject
    public KeyAdministration(ApiKeyService keys, DomainService domains, Set<KeyKind> knownKinds) {
        this.keys = keys;
        this.domains = domains;
        this.knownKinds = Set.copyOf(knownKinds);
    }

    public IssuedKey issue(KeyRequest request) {
        if (!knownKinds.contains(request.kind())) {
            throw new InvalidKeyRequestException("Unknown key kind '" + request.kind().name() + "'");
        }
        if (request.kind().equals(KeyKind.DOMAIN_SENDING)) {
            if (request.domain().isEmpty()) {
                throw new InvalidKeyRequestException("A domain sending key needs a domain");
            }
            if (domains.get(request.account(), request.domain().get()).isEmpty()) {
                throw new InvalidKeyRequestException("Domain " + request.domain().get().asString()
                    + " does not belong to account " + request.account().value());
            }
        }
        if (request.kind().equals(KeyKind.PRIMARY) && request.domain().isPresent()) {
            throw new InvalidKeyRequestException("A primary key cannot be limited to a domain");
        }
        KeyScope scope = new KeyScope(request.domain(), request.permissions());
        return keys.issue(request.account(), request.kind(), scope, request.description());
    }
}
