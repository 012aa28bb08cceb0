package io.postyard.openmail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javax.inject.Inject;

import io.postyard.core.key.ApiKey;
import io.postyard.openmail.store.ConversationStore;
import io.postyard.openmail.store.Direction;
import io.postyard.openmail.store.MailThread;
import io.postyard.openmail.store.OpenmailInbox;
import io.postyard.openmail.store.ThreadMessage;

/**
 * Threads: a received message joins the thread of the first message of the inbox its {@code In-Reply-To} or
 * {@code References} names, or starts one; a sent message joins the thread it is sent in, or starts one. Recording is
 * serialised so that a message and its thread are made once, whoever records it first.
 */
class Conversations {
    /** A reply's References keeps the thread's newest ids: enough for every client to thread, and a bounded header. */
    private static final int MAX_REFERENCES = 20;

    /** What a reply in a thread carries: {@code In-Reply-To} the thread's newest message, {@code References} its chain. */
    record Reply(Optional<String> inReplyTo, List<String> references) {
        Reply {
            references = List.copyOf(references);
        }
    }

    private final ConversationStore store;
    private final InboxLookup inboxes;

    @Inject
    Conversations(ConversationStore store, InboxLookup inboxes) {
        this.store = store;
        this.inboxes = inboxes;
    }

    /** The thread, if it is in an inbox of the key's account. */
    MailThread thread(ApiKey key, String id) {
        return store.thread(id).filter(thread -> inboxes.find(key, thread.inboxId()).isPresent())
            .orElseThrow(() -> OpenmailErrors.notFound("Thread " + id));
    }

    /** The thread, if it is the inbox's: a reply is sent from the inbox the conversation belongs to. */
    MailThread thread(OpenmailInbox inbox, String id) {
        return store.thread(id).filter(thread -> thread.inboxId().equals(inbox.id()))
            .orElseThrow(() -> OpenmailErrors.notFound("Thread " + id));
    }

    /** The message, if it is in an inbox of the key's account. */
    ThreadMessage message(ApiKey key, String id) {
        return store.message(id).filter(message -> inboxes.find(key, message.inboxId()).isPresent())
            .orElseThrow(() -> OpenmailErrors.notFound("Message " + id));
    }

    List<ThreadMessage> messages(MailThread thread) {
        return store.messagesOfThread(thread.id());
    }

    /** The inbox's messages, newest first, of one direction or both. */
    List<ThreadMessage> messages(OpenmailInbox inbox, Optional<Direction> direction) {
        List<ThreadMessage> messages = new ArrayList<>(store.messagesOfInbox(inbox.id()).stream()
            .filter(message -> direction.map(wanted -> message.direction() == wanted).orElse(true))
            .toList());
        Collections.reverse(messages);
        return messages;
    }

    /** The inbox's threads with their messages, the most recently active first. */
    List<ThreadSummary> threads(OpenmailInbox inbox) {
        return store.threads(inbox.id()).stream()
            .map(this::summary)
            .sorted(Comparator.comparing(ThreadSummary::lastMessageAt).reversed().thenComparing(summary -> summary.thread().id()))
            .toList();
    }

    ThreadSummary summary(MailThread thread) {
        return new ThreadSummary(thread, messages(thread));
    }

    MailThread markRead(MailThread thread, boolean read) {
        MailThread updated = thread.withRead(read);
        store.saveThread(updated);
        return updated;
    }

    Reply replyTo(MailThread thread) {
        Optional<ThreadMessage> parent = messages(thread).stream().filter(message -> message.rfcMessageId().isPresent())
            .reduce((older, newer) -> newer);
        if (parent.isEmpty()) {
            return new Reply(Optional.empty(), List.of());
        }
        List<String> references = new ArrayList<>(parent.get().references());
        references.remove(parent.get().rfcMessageId().get());
        references.add(parent.get().rfcMessageId().get());
        return new Reply(parent.get().rfcMessageId(), references.subList(Math.max(0, references.size() - MAX_REFERENCES), references.size()));
    }

    Optional<ThreadMessage> indexed(OpenmailInbox inbox, ThreadMessage.StoredCopy copy) {
        return store.byCopy(inbox.id(), copy);
    }

    /**
     * Files a received message, once: in the thread of the first of {@code parents} the inbox knows, or a new thread
     * named after its subject. New mail makes its thread unread.
     */
    synchronized ThreadMessage recordInbound(OpenmailInbox inbox, ThreadMessage.StoredCopy copy, List<String> parents, String subject,
                                             Instant at, Function<String, ThreadMessage> message) {
        Optional<ThreadMessage> known = store.byCopy(inbox.id(), copy);
        if (known.isPresent()) {
            return known.get();
        }
        MailThread thread = parents.stream()
            .map(parent -> store.byRfcMessageId(inbox.id(), parent))
            .flatMap(Optional::stream)
            .findFirst()
            .flatMap(parent -> store.thread(parent.threadId()))
            .orElseGet(() -> new MailThread(OpenmailIds.thread(), inbox.id(), subject, at, false));
        store.saveThread(thread.withRead(false));
        return add(message.apply(thread.id()));
    }

    /** Files a sent message in its thread, or in a new one named after its subject. */
    synchronized ThreadMessage recordOutbound(OpenmailInbox inbox, Optional<MailThread> thread, String subject, Instant at,
                                              Function<String, ThreadMessage> message) {
        MailThread target = thread.orElseGet(() -> {
            MailThread started = new MailThread(OpenmailIds.thread(), inbox.id(), subject, at, true);
            store.saveThread(started);
            return started;
        });
        return add(message.apply(target.id()));
    }

    private ThreadMessage add(ThreadMessage message) {
        store.addMessage(message);
        return message;
    }

    /** A thread with its messages, oldest first, for views that count them or show the latest. */
    record ThreadSummary(MailThread thread, List<ThreadMessage> messages) {
        ThreadSummary {
            messages = List.copyOf(messages);
        }

        Instant lastMessageAt() {
            return messages.isEmpty() ? thread.createdAt() : messages.get(messages.size() - 1).createdAt();
        }
    }
}
