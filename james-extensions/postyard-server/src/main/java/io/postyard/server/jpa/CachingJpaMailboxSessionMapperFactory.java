package io.postyard.server.jpa;

import javax.inject.Inject;
import javax.persistence.EntityManagerFactory;

import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.jpa.JPAMailboxSessionMapperFactory;
import org.apache.james.mailbox.jpa.mail.JPAModSeqProvider;
import org.apache.james.mailbox.jpa.mail.JPAUidProvider;
import org.apache.james.mailbox.store.mail.MailboxMapper;

/** James's JPA mappers, with each session's mailbox mapper answering lookups from {@link MailboxLookups}. */
public class CachingJpaMailboxSessionMapperFactory extends JPAMailboxSessionMapperFactory {
    private final MailboxLookups lookups = new MailboxLookups();

    @Inject
    public CachingJpaMailboxSessionMapperFactory(EntityManagerFactory entityManagerFactory, JPAUidProvider uidProvider,
                                                 JPAModSeqProvider modSeqProvider) {
        super(entityManagerFactory, uidProvider, modSeqProvider);
    }

    @Override
    public MailboxMapper createMailboxMapper(MailboxSession session) {
        return new CachedMailboxMapper(super.createMailboxMapper(session), lookups);
    }
}
