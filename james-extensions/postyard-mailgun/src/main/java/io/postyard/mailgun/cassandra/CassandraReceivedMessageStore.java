package io.postyard.mailgun.cassandra;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Domain;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import io.postyard.cassandra.CqlRows;
import io.postyard.cassandra.PostyardSession;
import io.postyard.cassandra.SchemaMigration;
import io.postyard.core.account.AccountId;
import io.postyard.mailgun.inbound.ReceivedMessage;
import io.postyard.mailgun.inbound.ReceivedMessageStore;

/**
 * A message in one partition: its description, then its MIME in chunks of {@value #CHUNK_BYTES} bytes (a 25 MB write
 * would pass Cassandra's mutation limit). Every row lives as long as the message, so expiry needs no sweep. The
 * description is written last: a message whose chunks are not all written yet is not found.
 */
public class CassandraReceivedMessageStore implements ReceivedMessageStore {
    static final int CHUNK_BYTES = 1024 * 1024;
    public static final SchemaMigration SCHEMA = new SchemaMigration("mailgun_received_messages", 1, List.of(
        "CREATE TABLE IF NOT EXISTS mailgun_received_messages (domain text, storage_key text, account text, recipient text, "
            + "sender text, size int, chunks int, stored_at timestamp, expires_at timestamp, PRIMARY KEY ((domain, storage_key)))",
        "CREATE TABLE IF NOT EXISTS mailgun_received_message_chunks (domain text, storage_key text, chunk int, data blob, "
            + "PRIMARY KEY ((domain, storage_key), chunk))"));

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement insertChunk;
    private final PreparedStatement select;
    private final PreparedStatement selectChunks;
    private final PreparedStatement delete;
    private final PreparedStatement deleteChunks;

    @Inject
    public CassandraReceivedMessageStore(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
        this.insert = session.prepare("INSERT INTO mailgun_received_messages (domain, storage_key, account, recipient, sender, size, "
            + "chunks, stored_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) USING TTL ?");
        this.insertChunk = session.prepare("INSERT INTO mailgun_received_message_chunks (domain, storage_key, chunk, data) "
            + "VALUES (?, ?, ?, ?) USING TTL ?");
        this.select = session.prepare("SELECT * FROM mailgun_received_messages WHERE domain = ? AND storage_key = ?");
        this.selectChunks = session.prepare("SELECT data FROM mailgun_received_message_chunks WHERE domain = ? AND storage_key = ?");
        this.delete = session.prepare("DELETE FROM mailgun_received_messages WHERE domain = ? AND storage_key = ? IF EXISTS");
        this.deleteChunks = session.prepare("DELETE FROM mailgun_received_message_chunks WHERE domain = ? AND storage_key = ?");
    }

    @Override
    public void put(ReceivedMessage message) {
        int ttl = (int) Math.max(1, Duration.between(message.storedAt(), message.expiresAt()).toSeconds());
        String domain = message.domain().asString();
        byte[] raw = message.raw();
        int chunks = 0;
        for (int offset = 0; offset < raw.length || chunks == 0; offset += CHUNK_BYTES) {
            byte[] chunk = Arrays.copyOfRange(raw, offset, Math.min(raw.length, offset + CHUNK_BYTES));
            session.execute(insertChunk.bind(domain, message.key(), chunks, ByteBuffer.wrap(chunk), ttl));
            chunks++;
        }
        session.execute(insert.bind(domain, message.key(), message.account().value(), message.recipient(), message.sender(),
            raw.length, chunks, message.storedAt(), message.expiresAt(), ttl));
    }

    @Override
    public Optional<ReceivedMessage> get(Domain domain, String key, Instant now) {
        return CqlRows.one(session.execute(select.bind(domain.asString(), key)), row -> row)
            .filter(row -> row.getInstant("expires_at").isAfter(now))
            .flatMap(row -> content(domain, key, row).map(raw -> new ReceivedMessage(key, new AccountId(row.getString("account")),
                domain, row.getString("recipient"), row.getString("sender"), raw, row.getInstant("stored_at"),
                row.getInstant("expires_at"))));
    }

    private Optional<byte[]> content(Domain domain, String key, Row description) {
        List<ByteBuffer> chunks = CqlRows.list(session.execute(selectChunks.bind(domain.asString(), key)), row -> row.getByteBuffer("data"));
        if (chunks.size() != description.getInt("chunks")) {
            return Optional.empty();
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream(description.getInt("size"));
        for (ByteBuffer chunk : chunks) {
            byte[] bytes = new byte[chunk.remaining()];
            chunk.get(bytes);
            raw.writeBytes(bytes);
        }
        return Optional.of(raw.toByteArray());
    }

    @Override
    public boolean delete(Domain domain, String key) {
        boolean deleted = session.execute(delete.bind(domain.asString(), key)).wasApplied();
        session.execute(deleteChunks.bind(domain.asString(), key));
        return deleted;
    }

    /** Rows expire by their TTL: nothing is left to remove, nor to count. */
    @Override
    public int deleteExpired(Instant now) {
        return 0;
    }
}
