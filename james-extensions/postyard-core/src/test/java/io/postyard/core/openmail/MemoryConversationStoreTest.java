package io.postyard.core.openmail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class MemoryConversationStoreTest {
    private static final Instant T0 = Instant.parse("2026-02-24T10:00:00Z");
    private final MemoryConversationStore store = new MemoryConversationStore();

    private static ThreadMessage message(String id, String inbox, String thread, Instant at, String rfcId, Optional<ThreadMessage.StoredCopy> copy) {
        return new ThreadMessage(id, thread, inbox, Direction.INBOUND, Optional.of(rfcId), List.of(), "a@b.test", List.of("c@d.test"),
            List.of(), "s", "body", "received", at, copy, List.of());
    }

    @Test
    void messagesAreFoundByThreadInboxMessageIdAndCopyOldestFirst() {
        ThreadMessage.StoredCopy copy = new ThreadMessage.StoredCopy("INBOX", 7);
        store.addMessage(message("msg_2", "inb_1", "thr_1", T0.plusSeconds(5), "<two@x>", Optional.of(copy)));
        store.addMessage(message("msg_1", "inb_1", "thr_1", T0, "<one@x>", Optional.empty()));
        store.addMessage(message("msg_3", "inb_2", "thr_2", T0, "<one@x>", Optional.empty()));

        assertThat(store.messagesOfThread("thr_1")).extracting(ThreadMessage::id).containsExactly("msg_1", "msg_2");
        assertThat(store.messagesOfInbox("inb_2")).extracting(ThreadMessage::id).containsExactly("msg_3");
        assertThat(store.byRfcMessageId("inb_2", "<one@x>")).map(ThreadMessage::id).contains("msg_3");
        assertThat(store.byRfcMessageId("inb_1", "<three@x>")).isEmpty();
        assertThat(store.byCopy("inb_1", copy)).map(ThreadMessage::id).contains("msg_2");
        assertThat(store.byCopy("inb_2", copy)).isEmpty();
    }

    @Test
    void deletingAnInboxForgetsItsThreadsAndMessagesOnly() {
        store.saveThread(new MailThread("thr_1", "inb_1", "s", T0, false));
        store.saveThread(new MailThread("thr_2", "inb_2", "s", T0, false));
        store.addMessage(message("msg_1", "inb_1", "thr_1", T0, "<one@x>", Optional.empty()));
        store.addMessage(message("msg_2", "inb_2", "thr_2", T0, "<two@x>", Optional.empty()));

        store.deleteInbox("inb_1");

        assertThat(store.thread("thr_1")).isEmpty();
        assertThat(store.message("msg_1")).isEmpty();
        assertThat(store.threads("inb_2")).extracting(MailThread::id).containsExactly("thr_2");
        assertThat(store.message("msg_2")).isPresent();
    }
}
