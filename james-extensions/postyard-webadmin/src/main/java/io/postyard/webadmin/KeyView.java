package io.postyard.webadmin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.james.core.Domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.postyard.core.key.ApiKey;

/** A key as WebAdmin shows it; {@code secret} is only present in the answer to its creation. */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
record KeyView(String id, String account, String kind, Optional<String> domain, List<String> permissions,
               String description, String hint, Instant createdAt, Optional<Instant> revokedAt,
               Optional<String> secret) {
    static KeyView of(ApiKey key) {
        return new KeyView(key.id().value(), key.account().value(), key.kind().name(),
            key.scope().domain().map(Domain::asString), key.scope().permissions().stream().sorted().toList(),
            key.description(), key.hint(), key.createdAt(), key.revokedAt(), Optional.empty());
    }

    static KeyView withSecret(ApiKey key, String secret) {
        KeyView view = of(key);
        return new KeyView(view.id, view.account, view.kind, view.domain, view.permissions, view.description,
            view.hint, view.createdAt, view.revokedAt, Optional.of(secret));
    }
}
