package io.postyard.mailgun.jdbc;

import java.time.Instant;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import io.postyard.core.account.AccountId;
import io.postyard.jdbc.JdbcMigration;
import io.postyard.jdbc.PostyardDatabase;
import io.postyard.jdbc.RowWrites;
import io.postyard.mailgun.inbound.ReceivedMessage;
import io.postyard.mailgun.inbound.ReceivedMessageStore;

/** A row per message, the MIME in a binary column; a storage key names the same content every time it is stored. */
public class JdbcReceivedMessageStore implements ReceivedMessageStore {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("mailgun_received_messages");
    private static final RowMapper<ReceivedMessage> MESSAGE = (row, context) -> new ReceivedMessage(row.getString("storage_key"),
        new AccountId(row.getString("account")), Domain.of(row.getString("domain")), row.getString("recipient"),
        row.getString("sender"), row.getBytes("raw"), Instant.ofEpochMilli(row.getLong("stored_at")),
        Instant.ofEpochMilli(row.getLong("expires_at")));

    private final Jdbi jdbi;

    @Inject
    public JdbcReceivedMessageStore(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcReceivedMessageStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void put(ReceivedMessage message) {
        RowWrites.insertIfAbsent(jdbi, handle -> handle.createUpdate("INSERT INTO mailgun_received_messages (domain, storage_key, "
                + "account, recipient, sender, raw, stored_at, expires_at) VALUES (:domain, :key, :account, :recipient, :sender, :raw, "
                + ":storedAt, :expiresAt)")
            .bind("domain", message.domain().asString())
            .bind("key", message.key())
            .bind("account", message.account().value())
            .bind("recipient", message.recipient())
            .bind("sender", message.sender())
            .bind("raw", message.raw())
            .bind("storedAt", message.storedAt().toEpochMilli())
            .bind("expiresAt", message.expiresAt().toEpochMilli())
            .execute());
    }

    @Override
    public Optional<ReceivedMessage> get(Domain domain, String key, Instant now) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM mailgun_received_messages "
                + "WHERE domain = :domain AND storage_key = :key AND expires_at > :now")
            .bind("domain", domain.asString()).bind("key", key).bind("now", now.toEpochMilli())
            .map(MESSAGE).findOne());
    }

    @Override
    public boolean delete(Domain domain, String key) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM mailgun_received_messages WHERE domain = :domain AND storage_key = :key")
            .bind("domain", domain.asString()).bind("key", key).execute()) > 0;
    }

    @Override
    public int deleteExpired(Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM mailgun_received_messages WHERE expires_at <= :now")
            .bind("now", now.toEpochMilli()).execute());
    }
}
