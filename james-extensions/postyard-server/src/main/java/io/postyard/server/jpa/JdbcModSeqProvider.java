package io.postyard.server.jpa;

import javax.inject.Inject;
import javax.persistence.EntityManagerFactory;

import org.apache.james.mailbox.ModSeq;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.jpa.mail.JPAModSeqProvider;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxId;

import io.postyard.jdbc.PostyardDatabase;

/** James's JPA modseqs, each next one given by {@link MailboxCounters}; reads stay James's. */
public class JdbcModSeqProvider extends JPAModSeqProvider {
    private final MailboxCounters counters;

    @Inject
    public JdbcModSeqProvider(EntityManagerFactory james, PostyardDatabase database) {
        super(james);
        this.counters = new MailboxCounters(database);
    }

    @Override
    public ModSeq nextModSeq(Mailbox mailbox) throws MailboxException {
        return nextModSeq(mailbox.getMailboxId());
    }

    @Override
    public ModSeq nextModSeq(MailboxId mailboxId) throws MailboxException {
        return ModSeq.of(counters.next(MailboxCounters.Counter.HIGHEST_MODSEQ, mailboxId));
    }
}
