package io.postyard.openmail.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What every {@link ConversationStore} does. Each test uses inboxes, threads and messages of its own. */
public abstract class ConversationStoreContract {
    private static final Instant T0 = Instant.parse("2026-02-24T10:00:00Z");

    private final String inbox1 = id("inb");
    private final String inbox2 = id("inb");
    private final String thread1 = id("thr");
    private final String thread2 = id("thr");

    protected abstract ConversationStore store();

    private static String id(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static ThreadMessage message(String id, String inbox, String thread, Instant at, String rfcId,
                                         Optional<ThreadMessage.StoredCopy> copy) {
        return new ThreadMessage(id, thread, inbox, Direction.INBOUND, Optional.of(rfcId), List.of(), "a@b.test", List.of("c@d.test"),
            List.of(), "s", "body", "received", at, copy, List.of());
    }

    @Test
    void aMessageComesBackWithEverythingItHolds() {
        ThreadMessage message = new ThreadMessage(id("msg"), thread1, inbox1, Direction.OUTBOUND, Optional.of("<three@x>"),
            List.of("<one@x>", "<two@x>"), "agent@openmail.test", List.of("c@d.test", "e@f.test"), List.of("g@h.test"), "Re: plans",
            "See attached.\n-- \nAgent", "sent", T0, Optional.of(new ThreadMessage.StoredCopy("Sent", 42)),
            List.of(new ThreadMessage.AttachmentInfo(0, "plan.pdf", "application/pdf", 12_345),
                new ThreadMessage.AttachmentInfo(1, "photo.jpg", "image/jpeg", 3_000_000_000L)));
        ThreadMessage bare = new ThreadMessage(id("msg"), thread1, inbox1, Direction.INBOUND, Optional.empty(), List.of(), "a@b.test",
            List.of(), List.of(), "", "", "received", T0.plusSeconds(1), Optional.empty(), List.of());

        store().addMessage(message);
        store().addMessage(bare);

        assertThat(store().message(message.id())).contains(message);
        assertThat(store().message(bare.id())).contains(bare);
        assertThat(store().message(id("msg"))).isEmpty();
    }

    @Test
    void messagesAreFoundByThreadInboxMessageIdAndCopyOldestFirst() {
        ThreadMessage.StoredCopy copy = new ThreadMessage.StoredCopy("INBOX", 7);
        String first = id("msg_1");
        String second = id("msg_2");
        String third = id("msg_3");
        store().addMessage(message(second, inbox1, thread1, T0.plusSeconds(5), "<two@x>", Optional.of(copy)));
        store().addMessage(message(first, inbox1, thread1, T0, "<one@x>", Optional.empty()));
        store().addMessage(message(third, inbox2, thread2, T0, "<one@x>", Optional.empty()));

        assertThat(store().messagesOfThread(thread1)).extracting(ThreadMessage::id).containsExactly(first, second);
        assertThat(store().messagesOfInbox(inbox1)).extracting(ThreadMessage::id).containsExactly(first, second);
        assertThat(store().messagesOfInbox(inbox2)).extracting(ThreadMessage::id).containsExactly(third);
        assertThat(store().byRfcMessageId(inbox2, "<one@x>")).map(ThreadMessage::id).contains(third);
        assertThat(store().byRfcMessageId(inbox1, "<three@x>")).isEmpty();
        assertThat(store().byCopy(inbox1, copy)).map(ThreadMessage::id).contains(second);
        assertThat(store().byCopy(inbox1, new ThreadMessage.StoredCopy("INBOX", 8))).isEmpty();
        assertThat(store().byCopy(inbox2, copy)).isEmpty();
    }

    @Test
    void aThreadIsSavedAndReplaced() {
        MailThread thread = new MailThread(thread1, inbox1, "Plans", T0, false);
        store().saveThread(thread);
        store().saveThread(new MailThread(thread2, inbox1, "Other", T0.plusSeconds(1), false));

        store().saveThread(thread.withRead(true));

        assertThat(store().thread(thread1)).contains(thread.withRead(true));
        assertThat(store().threads(inbox1)).containsExactlyInAnyOrder(thread.withRead(true),
            new MailThread(thread2, inbox1, "Other", T0.plusSeconds(1), false));
        assertThat(store().threads(inbox2)).isEmpty();
        assertThat(store().thread(id("thr"))).isEmpty();
    }

    @Test
    void deletingAnInboxForgetsItsThreadsAndMessagesOnly() {
        ThreadMessage.StoredCopy copy = new ThreadMessage.StoredCopy("INBOX", 1);
        String deleted = id("msg");
        String kept = id("msg");
        store().saveThread(new MailThread(thread1, inbox1, "s", T0, false));
        store().saveThread(new MailThread(thread2, inbox2, "s", T0, false));
        store().addMessage(message(deleted, inbox1, thread1, T0, "<one@x>", Optional.of(copy)));
        store().addMessage(message(kept, inbox2, thread2, T0, "<two@x>", Optional.of(copy)));

        store().deleteInbox(inbox1);

        assertThat(store().thread(thread1)).isEmpty();
        assertThat(store().threads(inbox1)).isEmpty();
        assertThat(store().message(deleted)).isEmpty();
        assertThat(store().messagesOfThread(thread1)).isEmpty();
        assertThat(store().messagesOfInbox(inbox1)).isEmpty();
        assertThat(store().byRfcMessageId(inbox1, "<one@x>")).isEmpty();
        assertThat(store().byCopy(inbox1, copy)).isEmpty();
        assertThat(store().threads(inbox2)).extracting(MailThread::id).containsExactly(thread2);
        assertThat(store().message(kept)).isPresent();
        assertThat(store().byCopy(inbox2, copy)).map(ThreadMessage::id).contains(kept);
    }
}
