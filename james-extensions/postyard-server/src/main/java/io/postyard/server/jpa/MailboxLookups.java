package io.postyard.server.jpa;

import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.model.MailboxPath;

import io.postyard.core.cache.WriteInvalidatedCache;
import reactor.core.publisher.Mono;

/**
 * Mailboxes found by path and by id on the single-node SQL profile, shared by every session's mapper: each delivery
 * looks its mailbox up by path, each IMAP command by id, and a mailbox changes only through this node's mappers, which
 * forget everything after each change ({@link CachedMailboxMapper}). Callers get copies: James's Mailbox is mutable.
 */
final class MailboxLookups {
    private static final int MAILBOXES_KEPT = 100_000;

    final WriteInvalidatedCache<MailboxPath, Mailbox> byPath = new WriteInvalidatedCache<>(MAILBOXES_KEPT);
    final WriteInvalidatedCache<MailboxId, Mailbox> byId = new WriteInvalidatedCache<>(MAILBOXES_KEPT);

    void forgetAll() {
        byPath.forgetAll();
        byId.forgetAll();
    }

    <T> Mono<T> changing(Mono<T> change) {
        return byPath.writingAny(byId.writingAny(change));
    }
}
