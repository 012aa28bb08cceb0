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
    private final Set<KeyPermissions> permissions;
    private final Set<KeySecretPrefix> secretPrefixes;

    @Inject
    public KeyAdministration(ApiKeyService keys, DomainService domains, Set<KeyKind> knownKinds, Set<KeyPermissions> permissions,
                             Set<KeySecretPrefix> secretPrefixes) {
        this.keys = keys;
        this.domains = domains;
        this.knownKinds = Set.copyOf(knownKinds);
        this.permissions = Set.copyOf(permissions);
        this.secretPrefixes = Set.copyOf(secretPrefixes);
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
        checkPermissions(request);
        KeyScope scope = new KeyScope(request.domain(), request.permissions());
        return keys.issue(request.account(), request.kind(), scope, request.description(), secretPrefix(request.kind()));
    }

    private String secretPrefix(KeyKind kind) {
        return secretPrefixes.stream().filter(declared -> declared.kind().equals(kind)).map(KeySecretPrefix::prefix).findFirst()
            .orElse(ApiKeyService.DEFAULT_SECRET_PREFIX);
    }

    /** A kind that declares permissions needs at least one, all of them its own; other kinds take none. */
    private void checkPermissions(KeyRequest request) {
        Set<String> allowed = permissions.stream().filter(declared -> declared.kind().equals(request.kind()))
            .flatMap(declared -> declared.allowed().stream()).collect(java.util.stream.Collectors.toSet());
        if (allowed.isEmpty() && !request.permissions().isEmpty()) {
            throw new InvalidKeyRequestException("A " + request.kind().name() + " key takes no permissions");
        }
        if (!allowed.isEmpty() && request.permissions().isEmpty()) {
            throw new InvalidKeyRequestException("A " + request.kind().name() + " key needs at least one permission of "
                + new java.util.TreeSet<>(allowed));
        }
        request.permissions().stream().filter(permission -> !allowed.contains(permission)).findFirst().ifPresent(unknown -> {
            throw new InvalidKeyRequestException("Unknown permission '" + unknown + "' for a " + request.kind().name()
                + " key; known: " + new java.util.TreeSet<>(allowed));
        });
    }
}
