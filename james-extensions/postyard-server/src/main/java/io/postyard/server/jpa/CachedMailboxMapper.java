package io.postyard.server.jpa;

import org.apache.james.core.Username;
import org.apache.james.mailbox.acl.ACLDiff;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxACL;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.UidValidity;
import org.apache.james.mailbox.model.search.MailboxQuery;
import org.apache.james.mailbox.store.mail.MailboxMapper;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A session's James JPA mailbox mapper, its lookups by path and id answered from {@link MailboxLookups}. Every change
 * forgets all lookups when it returns and again when its transaction ends, so that a lookup made between the change
 * and its commit (which still read the old row) is not kept.
 */
final class CachedMailboxMapper implements MailboxMapper {
    private final MailboxMapper mapper;
    private final MailboxLookups lookups;

    CachedMailboxMapper(MailboxMapper mapper, MailboxLookups lookups) {
        this.mapper = mapper;
        this.lookups = lookups;
    }

    @Override
    public Mono<Mailbox> findMailboxByPath(MailboxPath path) {
        return lookups.byPath.get(path, mapper.findMailboxByPath(path)).map(Mailbox::new);
    }

    @Override
    public Mono<Mailbox> findMailboxById(MailboxId id) {
        return lookups.byId.get(id, mapper.findMailboxById(id)).map(Mailbox::new);
    }

    @Override
    public Mono<Mailbox> create(MailboxPath path, UidValidity uidValidity) {
        return lookups.changing(mapper.create(path, uidValidity));
    }

    @Override
    public Mono<MailboxId> rename(Mailbox mailbox) {
        return lookups.changing(mapper.rename(mailbox));
    }

    @Override
    public Mono<Void> delete(Mailbox mailbox) {
        return lookups.changing(mapper.delete(mailbox));
    }

    @Override
    public Mono<ACLDiff> updateACL(Mailbox mailbox, MailboxACL.ACLCommand command) {
        return lookups.changing(mapper.updateACL(mailbox, command));
    }

    @Override
    public Mono<ACLDiff> setACL(Mailbox mailbox, MailboxACL acl) {
        return lookups.changing(mapper.setACL(mailbox, acl));
    }

    @Override
    public Flux<Mailbox> findNonPersonalMailboxes(Username user, MailboxACL.Right right) {
        return mapper.findNonPersonalMailboxes(user, right);
    }

    @Override
    public Flux<Mailbox> findMailboxWithPathLike(MailboxQuery.UserBound query) {
        return mapper.findMailboxWithPathLike(query);
    }

    @Override
    public Mono<Boolean> hasChildren(Mailbox mailbox, char delimiter) {
        return mapper.hasChildren(mailbox, delimiter);
    }

    @Override
    public Flux<Mailbox> list() {
        return mapper.list();
    }

    @Override
    public <T> T execute(Transaction<T> transaction) throws MailboxException {
        try {
            return mapper.execute(transaction);
        } finally {
            lookups.forgetAll();
        }
    }

    @Override
    public <T> Mono<T> executeReactive(Mono<T> transaction) {
        return lookups.changing(mapper.executeReactive(transaction));
    }

    @Override
    public void endRequest() {
        mapper.endRequest();
    }
}
