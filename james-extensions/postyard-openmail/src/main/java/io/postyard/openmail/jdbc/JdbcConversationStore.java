package io.postyard.openmail.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

import com.fasterxml.jackson.core.type.TypeReference;

import io.postyard.jdbc.Columns;
import io.postyard.jdbc.JdbcMigration;
import io.postyard.jdbc.PostyardDatabase;
import io.postyard.jdbc.RowWrites;
import io.postyard.openmail.store.ConversationStore;
import io.postyard.openmail.store.Direction;
import io.postyard.openmail.store.MailThread;
import io.postyard.openmail.store.ThreadMessage;

/**
 * Threads and messages, a row each. Each list the API shows reads an index clustered by creation, so it comes oldest
 * first without a sort; Message-IDs and stored copies lead to the oldest message holding them, as in memory. A message's
 * lists (references, recipients, attachments) are JSON columns, read whole with it.
 */
public class JdbcConversationStore implements ConversationStore {
    /** An attachment is kept as the JSON object of its record's components. */
    private static final TypeReference<List<ThreadMessage.AttachmentInfo>> ATTACHMENTS = new TypeReference<>() {
    };
    public static final JdbcMigration SCHEMA = JdbcMigration.of("openmail_conversations");
    private static final String THREAD_COLUMNS = "id, inbox_id, subject, created_at, is_read";
    private static final List<String> MESSAGE_COLUMNS = List.of("id", "thread_id", "inbox_id", "direction", "rfc_message_id",
        "rfc_message_id_hash", "refs", "from_addr", "to_addrs", "cc", "subject", "body_text", "status", "created_at", "copy_mailbox",
        "copy_uid", "attachments");
    private static final String SELECT_MESSAGES = "SELECT " + String.join(", ", MESSAGE_COLUMNS) + " FROM openmail_messages ";
    private static final String INSERT_MESSAGE = "INSERT INTO openmail_messages (" + String.join(", ", MESSAGE_COLUMNS) + ") VALUES ("
        + MESSAGE_COLUMNS.stream().map(column -> ":" + column).collect(Collectors.joining(", ")) + ")";
    private static final String UPDATE_MESSAGE = "UPDATE openmail_messages SET " + MESSAGE_COLUMNS.stream().skip(1)
        .map(column -> column + " = :" + column).collect(Collectors.joining(", ")) + " WHERE id = :id";
    private static final RowMapper<MailThread> THREAD = (row, context) -> new MailThread(row.getString("id"), row.getString("inbox_id"),
        row.getString("subject"), Instant.ofEpochMilli(row.getLong("created_at")), row.getBoolean("is_read"));
    private static final RowMapper<ThreadMessage> MESSAGE = (row, context) -> {
        String copyMailbox = row.getString("copy_mailbox");
        Optional<ThreadMessage.StoredCopy> copy = copyMailbox == null
            ? Optional.empty()
            : Optional.of(new ThreadMessage.StoredCopy(copyMailbox, row.getLong("copy_uid")));
        return new ThreadMessage(row.getString("id"), row.getString("thread_id"), row.getString("inbox_id"),
            Direction.valueOf(row.getString("direction")), Optional.ofNullable(row.getString("rfc_message_id")),
            Columns.strings(row.getString("refs")), row.getString("from_addr"), Columns.strings(row.getString("to_addrs")),
            Columns.strings(row.getString("cc")), row.getString("subject"), row.getString("body_text"), row.getString("status"),
            Instant.ofEpochMilli(row.getLong("created_at")), copy, Columns.read(row.getString("attachments"), ATTACHMENTS));
    };

    private final Jdbi jdbi;

    @Inject
    public JdbcConversationStore(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcConversationStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void saveThread(MailThread thread) {
        RowWrites.upsert(jdbi,
            handle -> bind(handle.createUpdate("UPDATE openmail_threads SET inbox_id = :inbox_id, subject = :subject, "
                + "created_at = :created_at, is_read = :is_read WHERE id = :id"), thread).execute(),
            handle -> bind(handle.createUpdate("INSERT INTO openmail_threads (" + THREAD_COLUMNS + ") "
                + "VALUES (:id, :inbox_id, :subject, :created_at, :is_read)"), thread).execute());
    }

    @Override
    public Optional<MailThread> thread(String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + THREAD_COLUMNS + " FROM openmail_threads WHERE id = :id")
            .bind("id", id)
            .map(THREAD)
            .findOne());
    }

    @Override
    public List<MailThread> threads(String inboxId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + THREAD_COLUMNS + " FROM openmail_threads WHERE inbox_id = :inbox_id")
            .bind("inbox_id", inboxId)
            .map(THREAD)
            .list());
    }

    /** A message added again (an indexing retried) replaces the first copy. */
    @Override
    public void addMessage(ThreadMessage message) {
        RowWrites.upsert(jdbi, handle -> bind(handle.createUpdate(UPDATE_MESSAGE), message).execute(),
            handle -> bind(handle.createUpdate(INSERT_MESSAGE), message).execute());
    }

    @Override
    public Optional<ThreadMessage> message(String id) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT_MESSAGES + "WHERE id = :id")
            .bind("id", id)
            .map(MESSAGE)
            .findOne());
    }

    @Override
    public List<ThreadMessage> messagesOfThread(String threadId) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT_MESSAGES + "WHERE thread_id = :thread_id ORDER BY thread_id, created_at, id")
            .bind("thread_id", threadId)
            .map(MESSAGE)
            .list());
    }

    @Override
    public List<ThreadMessage> messagesOfInbox(String inboxId) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT_MESSAGES + "WHERE inbox_id = :inbox_id ORDER BY inbox_id, created_at, id")
            .bind("inbox_id", inboxId)
            .map(MESSAGE)
            .list());
    }

    @Override
    public Optional<ThreadMessage> byRfcMessageId(String inboxId, String rfcMessageId) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT_MESSAGES + "WHERE inbox_id = :inbox_id "
                + "AND rfc_message_id_hash = :rfc_message_id_hash AND rfc_message_id = :rfc_message_id "
                + "ORDER BY inbox_id, rfc_message_id_hash, created_at, id LIMIT 1")
            .bind("inbox_id", inboxId)
            .bind("rfc_message_id_hash", hash(rfcMessageId))
            .bind("rfc_message_id", rfcMessageId)
            .map(MESSAGE)
            .findOne());
    }

    @Override
    public Optional<ThreadMessage> byCopy(String inboxId, ThreadMessage.StoredCopy copy) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT_MESSAGES + "WHERE inbox_id = :inbox_id "
                + "AND copy_mailbox = :copy_mailbox AND copy_uid = :copy_uid "
                + "ORDER BY inbox_id, copy_mailbox, copy_uid, created_at, id LIMIT 1")
            .bind("inbox_id", inboxId)
            .bind("copy_mailbox", copy.mailbox())
            .bind("copy_uid", copy.uid())
            .map(MESSAGE)
            .findOne());
    }

    @Override
    public void deleteInbox(String inboxId) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM openmail_messages WHERE inbox_id = :inbox_id").bind("inbox_id", inboxId).execute();
            handle.createUpdate("DELETE FROM openmail_threads WHERE inbox_id = :inbox_id").bind("inbox_id", inboxId).execute();
        });
    }

    private static Update bind(Update statement, MailThread thread) {
        return statement.bind("id", thread.id())
            .bind("inbox_id", thread.inboxId())
            .bind("subject", thread.subject())
            .bind("created_at", thread.createdAt().toEpochMilli())
            .bind("is_read", thread.read());
    }

    private static Update bind(Update statement, ThreadMessage message) {
        return statement.bind("id", message.id())
            .bind("thread_id", message.threadId())
            .bind("inbox_id", message.inboxId())
            .bind("direction", message.direction().name())
            .bind("rfc_message_id", message.rfcMessageId().orElse(null))
            .bind("rfc_message_id_hash", message.rfcMessageId().map(JdbcConversationStore::hash).orElse(null))
            .bind("refs", Columns.write(message.references()))
            .bind("from_addr", message.fromAddr())
            .bind("to_addrs", Columns.write(message.toAddrs()))
            .bind("cc", Columns.write(message.cc()))
            .bind("subject", message.subject())
            .bind("body_text", message.bodyText())
            .bind("status", message.status())
            .bind("created_at", message.createdAt().toEpochMilli())
            .bind("copy_mailbox", message.copy().map(ThreadMessage.StoredCopy::mailbox).orElse(null))
            .bind("copy_uid", message.copy().map(ThreadMessage.StoredCopy::uid).orElse(null))
            .bind("attachments", Columns.write(message.attachments()));
    }

    /** A Message-ID's SHA-256, in hex: the indexed stand-in for a header of any length. */
    private static String hash(String rfcMessageId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rfcMessageId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
