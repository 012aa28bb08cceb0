package io.postyard.openmail;

import java.util.Optional;

import javax.inject.Inject;

import io.postyard.core.key.ApiKey;
import io.postyard.openmail.store.OpenmailInbox;
import io.postyard.openmail.store.OpenmailInboxStore;

/**
 * Finds inboxes: for a key, only its own account's (another account's inbox is as good as missing). Apart from
 * {@link Inboxes} so that what mail reception needs does not depend on the mailbox service, whose events reach it.
 */
class InboxLookup {
    private final OpenmailInboxStore inboxes;

    @Inject
    InboxLookup(OpenmailInboxStore inboxes) {
        this.inboxes = inboxes;
    }

    OpenmailInbox owned(ApiKey key, String id) {
        return find(key, id).orElseThrow(() -> OpenmailErrors.notFound("Inbox " + id));
    }

    Optional<OpenmailInbox> find(ApiKey key, String id) {
        return inboxes.get(id).filter(inbox -> inbox.account().equals(key.account()));
    }

    Optional<OpenmailInbox> get(String id) {
        return inboxes.get(id);
    }
}
