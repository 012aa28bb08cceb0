package io.postyard.core.suppression;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.apache.james.core.Domain;

/**
 * One entry of a suppression list. {@link #key()} is the lower-cased value entries are compared and ordered by;
 * {@link #value()} keeps what the client sent.
 */
public record Suppression(Domain domain,
                          SuppressionType type,
                          String value,
                          Optional<String> code,
                          Optional<String> reason,
                          List<String> tags,
                          Optional<WhitelistKind> whitelistKind,
                          Instant createdAt) {
    public static final String ALL_TAGS = "*";

    public static String keyOf(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    public Suppression {
        Objects.requireNonNull(domain);
        Objects.requireNonNull(type);
        Objects.requireNonNull(value);
        Objects.requireNonNull(code);
        Objects.requireNonNull(reason);
        tags = List.copyOf(tags);
        Objects.requireNonNull(whitelistKind);
        Objects.requireNonNull(createdAt);
        if (type == SuppressionType.WHITELISTS && whitelistKind.isEmpty()) {
            throw new IllegalArgumentException("A whitelist entry is an address or a domain");
        }
    }

    public String key() {
        return keyOf(value);
    }
}
