package io.postyard.openmail.store;

import java.util.List;
import java.util.Optional;

/** The threads of openmail inboxes and the index of their messages. */
public interface ConversationStore {
    /** Stores the thread, or replaces the one with its id. */
    void saveThread(MailThread thread);

    Optional<MailThread> thread(String id);

    /** The inbox's threads, in no particular order. */
    List<MailThread> threads(String inboxId);

    void addMessage(ThreadMessage message);

    Optional<ThreadMessage> message(String id);

    /** Oldest first. */
    List<ThreadMessage> messagesOfThread(String threadId);

    /** Oldest first. */
    List<ThreadMessage> messagesOfInbox(String inboxId);

    /** The message of the inbox with this Message-ID (angle brackets included), if one was received or sent. */
    Optional<ThreadMessage> byRfcMessageId(String inboxId, String rfcMessageId);

    /** The message of the inbox whose MIME is at this place, if it is indexed. */
    Optional<ThreadMessage> byCopy(String inboxId, ThreadMessage.StoredCopy copy);

    /** Forgets the inbox's threads and messages. */
    void deleteInbox(String inboxId);
}
