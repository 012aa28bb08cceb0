package io.postyard.server.jpa;

import javax.inject.Inject;
import javax.persistence.EntityManagerFactory;

import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.jpa.mail.JPAUidProvider;

import io.postyard.jdbc.PostyardDatabase;

/** James's JPA UIDs, each next one given by {@link MailboxCounters}; reads stay James's. */
public class JdbcUidProvider extends JPAUidProvider {
    private final MailboxCounters counters;

    @Inject
    public JdbcUidProvider(EntityManagerFactory james, PostyardDatabase database) {
        super(james);
        this.counters = new MailboxCounters(database);
    }

    @Override
    public MessageUid nextUid(Mailbox mailbox) throws MailboxException {
        return nextUid(mailbox.getMailboxId());
    }

    @Override
    public MessageUid nextUid(MailboxId mailboxId) throws MailboxException {
        return MessageUid.of(counters.next(MailboxCounters.Counter.LAST_UID, mailboxId));
    }
}
