package io.postyard.server.jpa;

import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.jpa.JPAId;
import org.apache.james.mailbox.model.MailboxId;
import org.jdbi.v3.core.Jdbi;

import io.postyard.jdbc.PostyardDatabase;

/**
 * A mailbox's last UID and highest modseq, in the row of James's JPA entity ({@code JAMES_MAILBOX}), moved on by one
 * {@code UPDATE ... SET c = c + 1} and read back in the same transaction. James's JPA providers find the entity,
 * increment it and merge it back in an OpenJPA transaction of their own, twice per append; the row lock the UPDATE
 * takes also makes each value given once whoever else appends.
 */
final class MailboxCounters {
    enum Counter {
        LAST_UID("MAILBOX_LAST_UID"),
        HIGHEST_MODSEQ("MAILBOX_HIGHEST_MODSEQ");

        private final String column;

        Counter(String column) {
            this.column = column;
        }
    }

    private final Jdbi jdbi;

    MailboxCounters(PostyardDatabase database) {
        this.jdbi = database.jdbi();
    }

    long next(Counter counter, MailboxId mailboxId) throws MailboxException {
        long id = ((JPAId) mailboxId).getRawId();
        try {
            return jdbi.inTransaction(handle -> {
                int updated = handle.createUpdate("UPDATE JAMES_MAILBOX SET " + counter.column + " = " + counter.column + " + 1 WHERE MAILBOX_ID = :id")
                    .bind("id", id)
                    .execute();
                if (updated == 0) {
                    throw new MailboxNotThere(id);
                }
                return handle.createQuery("SELECT " + counter.column + " FROM JAMES_MAILBOX WHERE MAILBOX_ID = :id")
                    .bind("id", id)
                    .mapTo(Long.class)
                    .one();
            });
        } catch (RuntimeException e) {
            throw new MailboxException("Unable to move on " + counter + " of mailbox " + mailboxId.serialize(), e);
        }
    }

    private static final class MailboxNotThere extends RuntimeException {
        MailboxNotThere(long id) {
            super("no mailbox " + id);
        }
    }
}
