package io.postyard.openmail.store;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

public class MemoryConversationStore implements ConversationStore {
    private static final Comparator<ThreadMessage> OLDEST_FIRST = Comparator.comparing(ThreadMessage::createdAt).thenComparing(ThreadMessage::id);

    private final ConcurrentHashMap<String, MailThread> threads = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ThreadMessage> messages = new ConcurrentHashMap<>();

    @Override
    public void saveThread(MailThread thread) {
        threads.put(thread.id(), thread);
    }

    @Override
    public Optional<MailThread> thread(String id) {
        return Optional.ofNullable(threads.get(id));
    }

    @Override
    public List<MailThread> threads(String inboxId) {
        return threads.values().stream().filter(thread -> thread.inboxId().equals(inboxId)).toList();
    }

    @Override
    public void addMessage(ThreadMessage message) {
        messages.put(message.id(), message);
    }

    @Override
    public Optional<ThreadMessage> message(String id) {
        return Optional.ofNullable(messages.get(id));
    }

    @Override
    public List<ThreadMessage> messagesOfThread(String threadId) {
        return select(message -> message.threadId().equals(threadId));
    }

    @Override
    public List<ThreadMessage> messagesOfInbox(String inboxId) {
        return select(message -> message.inboxId().equals(inboxId));
    }

    @Override
    public Optional<ThreadMessage> byRfcMessageId(String inboxId, String rfcMessageId) {
        return select(message -> message.inboxId().equals(inboxId) && message.rfcMessageId().filter(rfcMessageId::equals).isPresent())
            .stream().findFirst();
    }

    @Override
    public Optional<ThreadMessage> byCopy(String inboxId, ThreadMessage.StoredCopy copy) {
        return select(message -> message.inboxId().equals(inboxId) && message.copy().filter(copy::equals).isPresent()).stream().findFirst();
    }

    @Override
    public void deleteInbox(String inboxId) {
        messages.values().removeIf(message -> message.inboxId().equals(inboxId));
        threads.values().removeIf(thread -> thread.inboxId().equals(inboxId));
    }

    private List<ThreadMessage> select(Predicate<ThreadMessage> filter) {
        return messages.values().stream().filter(filter).sorted(OLDEST_FIRST).toList();
    }
}
