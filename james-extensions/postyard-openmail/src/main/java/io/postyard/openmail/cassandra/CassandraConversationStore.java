package io.postyard.openmail.cassandra;

import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.ListType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;

import io.postyard.cassandra.CqlRows;
import io.postyard.cassandra.PostyardSession;
import io.postyard.cassandra.SchemaMigration;
import io.postyard.openmail.store.ConversationStore;
import io.postyard.openmail.store.Direction;
import io.postyard.openmail.store.MailThread;
import io.postyard.openmail.store.ThreadMessage;

/**
 * Threads by id and per inbox; messages by id and, in full, per thread and per inbox clustered by creation, so each
 * list the API shows is one slice, oldest first (the price is three copies of a message's text). Message-IDs and
 * stored copies lead to their message through lookup partitions clustered by creation, so the oldest message wins
 * where two share one, as in memory. An inbox's rows are written in one logged batch per message.
 */
public class CassandraConversationStore implements ConversationStore {
    private static final String THREAD_COLUMNS = "id, inbox_id, subject, created_at, read";
    private static final String MESSAGE_COLUMNS = "id, thread_id, inbox_id, direction, rfc_message_id, refs, from_addr, to_addrs, cc, "
        + "subject, body_text, status, created_at, copy_mailbox, copy_uid, attachments";
    private static final String MESSAGE_MARKERS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
    private static final String MESSAGE_TYPES = "direction text, rfc_message_id text, refs list<text>, from_addr text, "
        + "to_addrs list<text>, cc list<text>, subject text, body_text text, status text, copy_mailbox text, copy_uid bigint, "
        + "attachments list<frozen<openmail_attachment>>";
    public static final SchemaMigration SCHEMA = new SchemaMigration("openmail_conversations", 1, List.of(
        "CREATE TYPE IF NOT EXISTS openmail_attachment (position int, filename text, content_type text, size_bytes bigint)",
        "CREATE TABLE IF NOT EXISTS openmail_threads (id text PRIMARY KEY, inbox_id text, subject text, created_at timestamp, read boolean)",
        "CREATE TABLE IF NOT EXISTS openmail_threads_by_inbox (inbox_id text, id text, subject text, created_at timestamp, read boolean, "
            + "PRIMARY KEY (inbox_id, id))",
        "CREATE TABLE IF NOT EXISTS openmail_messages (id text PRIMARY KEY, thread_id text, inbox_id text, created_at timestamp, "
            + MESSAGE_TYPES + ")",
        "CREATE TABLE IF NOT EXISTS openmail_messages_by_thread (thread_id text, created_at timestamp, id text, inbox_id text, "
            + MESSAGE_TYPES + ", PRIMARY KEY (thread_id, created_at, id))",
        "CREATE TABLE IF NOT EXISTS openmail_messages_by_inbox (inbox_id text, created_at timestamp, id text, thread_id text, "
            + MESSAGE_TYPES + ", PRIMARY KEY (inbox_id, created_at, id))",
        "CREATE TABLE IF NOT EXISTS openmail_message_ids (inbox_id text, rfc_message_id text, created_at timestamp, id text, "
            + "PRIMARY KEY ((inbox_id, rfc_message_id), created_at, id))",
        "CREATE TABLE IF NOT EXISTS openmail_message_copies (inbox_id text, copy_mailbox text, copy_uid bigint, created_at timestamp, "
            + "id text, PRIMARY KEY ((inbox_id, copy_mailbox, copy_uid), created_at, id))"));

    private final CqlSession session;
    private final PreparedStatement insertThread;
    private final PreparedStatement insertThreadByInbox;
    private final PreparedStatement selectThread;
    private final PreparedStatement selectThreadsByInbox;
    private final PreparedStatement deleteThread;
    private final PreparedStatement insertMessage;
    private final PreparedStatement insertMessageByThread;
    private final PreparedStatement insertMessageByInbox;
    private final PreparedStatement insertMessageId;
    private final PreparedStatement insertCopy;
    private final PreparedStatement selectMessage;
    private final PreparedStatement selectMessagesByThread;
    private final PreparedStatement selectMessagesByInbox;
    private final PreparedStatement selectMessageId;
    private final PreparedStatement selectCopy;
    private final PreparedStatement deleteMessage;
    private final PreparedStatement deleteMessagesOfThread;
    private final PreparedStatement deleteMessagesOfInbox;
    private final PreparedStatement deleteThreadsOfInbox;
    private final PreparedStatement deleteMessageId;
    private final PreparedStatement deleteCopy;
    private final UserDefinedType attachmentType;

    @Inject
    public CassandraConversationStore(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
        this.insertThread = session.prepare("INSERT INTO openmail_threads (" + THREAD_COLUMNS + ") VALUES (?, ?, ?, ?, ?)");
        this.insertThreadByInbox = session.prepare("INSERT INTO openmail_threads_by_inbox (" + THREAD_COLUMNS + ") VALUES (?, ?, ?, ?, ?)");
        this.selectThread = session.prepare("SELECT " + THREAD_COLUMNS + " FROM openmail_threads WHERE id = ?");
        this.selectThreadsByInbox = session.prepare("SELECT " + THREAD_COLUMNS + " FROM openmail_threads_by_inbox WHERE inbox_id = ?");
        this.deleteThread = session.prepare("DELETE FROM openmail_threads WHERE id = ?");
        this.insertMessage = session.prepare("INSERT INTO openmail_messages (" + MESSAGE_COLUMNS + ") VALUES (" + MESSAGE_MARKERS + ")");
        this.insertMessageByThread = session.prepare("INSERT INTO openmail_messages_by_thread (" + MESSAGE_COLUMNS + ") VALUES ("
            + MESSAGE_MARKERS + ")");
        this.insertMessageByInbox = session.prepare("INSERT INTO openmail_messages_by_inbox (" + MESSAGE_COLUMNS + ") VALUES ("
            + MESSAGE_MARKERS + ")");
        this.insertMessageId = session.prepare("INSERT INTO openmail_message_ids (inbox_id, rfc_message_id, created_at, id) VALUES (?, ?, ?, ?)");
        this.insertCopy = session.prepare("INSERT INTO openmail_message_copies (inbox_id, copy_mailbox, copy_uid, created_at, id) "
            + "VALUES (?, ?, ?, ?, ?)");
        this.selectMessage = session.prepare("SELECT " + MESSAGE_COLUMNS + " FROM openmail_messages WHERE id = ?");
        this.selectMessagesByThread = session.prepare("SELECT " + MESSAGE_COLUMNS + " FROM openmail_messages_by_thread WHERE thread_id = ?");
        this.selectMessagesByInbox = session.prepare("SELECT " + MESSAGE_COLUMNS + " FROM openmail_messages_by_inbox WHERE inbox_id = ?");
        this.selectMessageId = session.prepare("SELECT id FROM openmail_message_ids WHERE inbox_id = ? AND rfc_message_id = ? LIMIT 1");
        this.selectCopy = session.prepare("SELECT id FROM openmail_message_copies WHERE inbox_id = ? AND copy_mailbox = ? AND copy_uid = ? "
            + "LIMIT 1");
        this.deleteMessage = session.prepare("DELETE FROM openmail_messages WHERE id = ?");
        this.deleteMessagesOfThread = session.prepare("DELETE FROM openmail_messages_by_thread WHERE thread_id = ?");
        this.deleteMessagesOfInbox = session.prepare("DELETE FROM openmail_messages_by_inbox WHERE inbox_id = ?");
        this.deleteThreadsOfInbox = session.prepare("DELETE FROM openmail_threads_by_inbox WHERE inbox_id = ?");
        this.deleteMessageId = session.prepare("DELETE FROM openmail_message_ids WHERE inbox_id = ? AND rfc_message_id = ?");
        this.deleteCopy = session.prepare("DELETE FROM openmail_message_copies WHERE inbox_id = ? AND copy_mailbox = ? AND copy_uid = ?");
        this.attachmentType = (UserDefinedType) ((ListType) insertMessage.getVariableDefinitions().get("attachments").getType())
            .getElementType();
    }

    @Override
    public void saveThread(MailThread thread) {
        Object[] values = {thread.id(), thread.inboxId(), thread.subject(), thread.createdAt(), thread.read()};
        session.execute(BatchStatement.newInstance(DefaultBatchType.LOGGED, insertThread.bind(values), insertThreadByInbox.bind(values)));
    }

    @Override
    public Optional<MailThread> thread(String id) {
        return CqlRows.one(session.execute(selectThread.bind(id)), CassandraConversationStore::thread);
    }

    @Override
    public List<MailThread> threads(String inboxId) {
        return CqlRows.list(session.execute(selectThreadsByInbox.bind(inboxId)), CassandraConversationStore::thread);
    }

    @Override
    public void addMessage(ThreadMessage message) {
        Object[] values = values(message);
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.LOGGED)
            .addStatements(insertMessage.bind(values), insertMessageByThread.bind(values), insertMessageByInbox.bind(values));
        message.rfcMessageId().ifPresent(rfcId -> batch.addStatement(insertMessageId.bind(message.inboxId(), rfcId, message.createdAt(),
            message.id())));
        message.copy().ifPresent(copy -> batch.addStatement(insertCopy.bind(message.inboxId(), copy.mailbox(), copy.uid(), message.createdAt(),
            message.id())));
        session.execute(batch.build());
    }

    @Override
    public Optional<ThreadMessage> message(String id) {
        return CqlRows.one(session.execute(selectMessage.bind(id)), this::message);
    }

    @Override
    public List<ThreadMessage> messagesOfThread(String threadId) {
        return CqlRows.list(session.execute(selectMessagesByThread.bind(threadId)), this::message);
    }

    @Override
    public List<ThreadMessage> messagesOfInbox(String inboxId) {
        return CqlRows.list(session.execute(selectMessagesByInbox.bind(inboxId)), this::message);
    }

    @Override
    public Optional<ThreadMessage> byRfcMessageId(String inboxId, String rfcMessageId) {
        return CqlRows.one(session.execute(selectMessageId.bind(inboxId, rfcMessageId)), row -> row.getString("id"))
            .flatMap(this::message);
    }

    @Override
    public Optional<ThreadMessage> byCopy(String inboxId, ThreadMessage.StoredCopy copy) {
        return CqlRows.one(session.execute(selectCopy.bind(inboxId, copy.mailbox(), copy.uid())), row -> row.getString("id"))
            .flatMap(this::message);
    }

    /** Each message's own rows first, then the inbox's partitions, so a deletion cut short can be run again to the end. */
    @Override
    public void deleteInbox(String inboxId) {
        for (ThreadMessage message : messagesOfInbox(inboxId)) {
            BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.LOGGED)
                .addStatements(deleteMessage.bind(message.id()), deleteMessagesOfThread.bind(message.threadId()));
            message.rfcMessageId().ifPresent(rfcId -> batch.addStatement(deleteMessageId.bind(inboxId, rfcId)));
            message.copy().ifPresent(copy -> batch.addStatement(deleteCopy.bind(inboxId, copy.mailbox(), copy.uid())));
            session.execute(batch.build());
        }
        for (MailThread thread : threads(inboxId)) {
            session.execute(BatchStatement.newInstance(DefaultBatchType.LOGGED, deleteThread.bind(thread.id()),
                deleteMessagesOfThread.bind(thread.id())));
        }
        session.execute(BatchStatement.newInstance(DefaultBatchType.LOGGED, deleteMessagesOfInbox.bind(inboxId),
            deleteThreadsOfInbox.bind(inboxId)));
    }

    private Object[] values(ThreadMessage message) {
        List<UdtValue> attachments = message.attachments().stream()
            .map(attachment -> attachmentType.newValue(attachment.index(), attachment.filename(), attachment.contentType(),
                attachment.sizeBytes()))
            .toList();
        return new Object[] {message.id(), message.threadId(), message.inboxId(), message.direction().name(), message.rfcMessageId().orElse(null),
            message.references(), message.fromAddr(), message.toAddrs(), message.cc(), message.subject(), message.bodyText(),
            message.status(), message.createdAt(), message.copy().map(ThreadMessage.StoredCopy::mailbox).orElse(null),
            message.copy().map(ThreadMessage.StoredCopy::uid).orElse(null), attachments};
    }

    private ThreadMessage message(Row row) {
        Optional<ThreadMessage.StoredCopy> copy = Optional.ofNullable(row.getString("copy_mailbox"))
            .map(mailbox -> new ThreadMessage.StoredCopy(mailbox, row.getLong("copy_uid")));
        List<ThreadMessage.AttachmentInfo> attachments = row.getList("attachments", UdtValue.class).stream()
            .map(attachment -> new ThreadMessage.AttachmentInfo(attachment.getInt("position"), attachment.getString("filename"),
                attachment.getString("content_type"), attachment.getLong("size_bytes")))
            .toList();
        return new ThreadMessage(row.getString("id"), row.getString("thread_id"), row.getString("inbox_id"),
            Direction.valueOf(row.getString("direction")), Optional.ofNullable(row.getString("rfc_message_id")), row.getList("refs", String.class),
            row.getString("from_addr"), row.getList("to_addrs", String.class), row.getList("cc", String.class), row.getString("subject"),
            row.getString("body_text"), row.getString("status"), row.getInstant("created_at"), copy, attachments);
    }

    private static MailThread thread(Row row) {
        return new MailThread(row.getString("id"), row.getString("inbox_id"), row.getString("subject"), row.getInstant("created_at"),
            row.getBoolean("read"));
    }
}
