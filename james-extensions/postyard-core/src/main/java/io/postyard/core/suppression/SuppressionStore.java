package io.postyard.core.suppression;

import java.util.List;
import java.util.Optional;

import org.apache.james.core.Domain;

/**
 * Suppression lists, each ordered by {@link Suppression#key()}, so that pages are read from a position rather than an
 * offset and stay free of gaps and duplicates while entries come and go.
 */
public interface SuppressionStore {
    /** Adds the entry, or replaces the one with the same key. */
    void put(Suppression suppression);

    Optional<Suppression> get(Domain domain, SuppressionType type, String key);

    boolean delete(Domain domain, SuppressionType type, String key);

    void deleteAll(Domain domain, SuppressionType type);

    /** Up to {@code limit} entries with a key after {@code afterKey} (or from the start), in ascending order. */
    List<Suppression> after(Domain domain, SuppressionType type, Optional<String> afterKey, int limit);

    /** Up to {@code limit} entries with a key before {@code beforeKey} (or from the end), in ascending order. */
    List<Suppression> before(Domain domain, SuppressionType type, Optional<String> beforeKey, int limit);
}
