package io.postyard.core.dkim;

import java.util.Optional;

import org.apache.james.core.Domain;

public interface DkimKeyStore {
    void put(DkimKey key);

    Optional<DkimKey> get(Domain domain);

    void delete(Domain domain);
}
