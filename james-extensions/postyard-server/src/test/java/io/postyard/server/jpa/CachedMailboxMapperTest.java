package io.postyard.server.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.core.Username;
import org.apache.james.mailbox.jpa.JPAId;
import org.apache.james.mailbox.jpa.mail.JPAMailboxMapper;
import org.apache.james.mailbox.jpa.mail.TransactionalMailboxMapper;
import org.apache.james.mailbox.model.Mailbox;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.UidValidity;
import org.apache.james.mailbox.store.mail.MailboxMapper;
import org.apache.james.mailbox.store.mail.model.MailboxMapperTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** James's mailbox mapper contract, with lookups answered from memory; and a change made as the mailbox manager makes it. */
class CachedMailboxMapperTest extends MailboxMapperTest {
    @RegisterExtension
    static JamesJpaTestDatabase database = new JamesJpaTestDatabase();

    private final AtomicInteger ids = new AtomicInteger(1_000_000);
    private final MailboxLookups lookups = new MailboxLookups();

    @AfterEach
    void emptyTheTable() {
        database.database().jdbi().useHandle(handle -> handle.execute("DELETE FROM JAMES_MAILBOX"));
    }

    @Override
    protected MailboxMapper createMailboxMapper() {
        return new CachedMailboxMapper(new TransactionalMailboxMapper(new JPAMailboxMapper(database.james())), lookups);
    }

    @Override
    protected MailboxId generateId() {
        return JPAId.of(ids.incrementAndGet());
    }

    @Test
    void aRenameInATransactionIsSeenByTheNextLookups() {
        MailboxMapper mapper = new CachedMailboxMapper(new JPAMailboxMapper(database.james()), lookups);
        MailboxPath work = MailboxPath.forUser(Username.of("ann"), "work");
        Mailbox created = mapper.executeReactive(mapper.create(work, UidValidity.of(42))).block();
        assertThat(mapper.findMailboxByPath(work).block()).isEqualTo(created);
        assertThat(mapper.findMailboxById(created.getMailboxId()).block()).isEqualTo(created);

        Mailbox renamed = new Mailbox(created);
        renamed.setName("archive");
        mapper.executeReactive(mapper.rename(renamed)).block();

        assertThat(mapper.findMailboxByPath(work).blockOptional()).isEmpty();
        assertThat(mapper.findMailboxByPath(MailboxPath.forUser(Username.of("ann"), "archive")).block()).isEqualTo(renamed);
        assertThat(mapper.findMailboxById(created.getMailboxId()).block().getName()).isEqualTo("archive");
    }

    @Test
    void whatALookupGivesCanBeChangedWithoutChangingWhatTheNextGives() {
        MailboxMapper mapper = createMailboxMapper();
        MailboxPath inbox = MailboxPath.forUser(Username.of("bob"), "INBOX");
        mapper.create(inbox, UidValidity.of(7)).block();

        mapper.findMailboxByPath(inbox).block().setName("changed by its caller");

        assertThat(mapper.findMailboxByPath(inbox).block().getName()).isEqualTo("INBOX");
    }
}
