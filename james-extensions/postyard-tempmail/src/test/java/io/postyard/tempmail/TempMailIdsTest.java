package io.postyard.tempmail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.MailAddress;
import org.junit.jupiter.api.Test;

import io.postyard.core.account.AccountId;
import io.postyard.core.mailbox.HostedMailbox;
import io.postyard.core.mailbox.Lifetime;

class TempMailIdsTest {
    private final HostedMailbox mailbox = mailbox();

    private static HostedMailbox mailbox() {
        try {
            return new HostedMailbox("tm_0123456789abcdef01234567", "tempmail", AccountId.DEFAULT, new MailAddress("a@tempmail.localhost"),
                Lifetime.TEMPORARY, Instant.EPOCH, Optional.of(Instant.EPOCH.plusSeconds(60)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aMessageIdLeadsBackToItsMailboxAndUid() {
        String id = TempMailIds.message(mailbox, 42);

        assertThat(TempMailIds.parseMessage(id)).contains(new TempMailIds.MessageRef(mailbox.id(), 42));
    }

    @Test
    void anAttachmentIdLeadsBackToItsMessageAndPart() {
        String id = TempMailIds.attachment(mailbox, 42, 3);

        assertThat(TempMailIds.parseAttachment(id)).contains(new TempMailIds.AttachmentRef(new TempMailIds.MessageRef(mailbox.id(), 42), 3));
        assertThat(TempMailIds.parseMessage(id)).isEmpty();
    }

    @Test
    void anythingElseIsNoId() {
        assertThat(TempMailIds.parseMessage("garbage")).isEmpty();
        assertThat(TempMailIds.parseMessage("0123456789ABCDEF01234567.1")).isEmpty();
        assertThat(TempMailIds.parseMessage("0123456789abcdef01234567.99999999999999999999")).isEmpty();
        assertThat(TempMailIds.parseAttachment("0123456789abcdef01234567.1")).isEmpty();
    }
}
