package io.postyard.core.domain;

import java.util.List;
import java.util.Optional;

import org.apache.james.core.Domain;

import io.postyard.core.account.AccountId;

public interface DomainStore {
    /** Stores a new domain unless one of that name exists; tells whether it was stored. */
    boolean insertIfAbsent(MailDomain domain);

    void save(MailDomain domain);

    Optional<MailDomain> get(Domain name);

    /** The account's domains, ordered by name. */
    List<MailDomain> list(AccountId account);

    void delete(Domain name);
}
