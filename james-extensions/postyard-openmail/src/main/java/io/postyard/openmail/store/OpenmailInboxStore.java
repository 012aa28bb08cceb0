package io.postyard.openmail.store;

import java.util.List;
import java.util.Optional;

import io.postyard.core.account.AccountId;

public interface OpenmailInboxStore {
    void save(OpenmailInbox inbox);

    Optional<OpenmailInbox> get(String id);

    /** The account's inboxes, oldest first; only those with the external id when one is given. */
    List<OpenmailInbox> list(AccountId account, Optional<String> externalId);

    void delete(String id);
}
