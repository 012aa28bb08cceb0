package io.postyard.openmail.jdbc;

import java.time.Instant;
import java.util.Optional;

import javax.inject.Inject;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import io.postyard.core.account.AccountId;
import io.postyard.jdbc.JdbcMigration;
import io.postyard.jdbc.PostyardDatabase;
import io.postyard.jdbc.RowWrites;
import io.postyard.openmail.store.IdempotencyRecord;
import io.postyard.openmail.store.IdempotencyStore;

/**
 * A row per account and key. Every write is one statement whose outcome the database decides: a claim is an INSERT
 * that the primary key lets one request win; taking over an expired key and completing a request are UPDATEs
 * conditioned on the claim they follow, so of two takers-over one matches, and a late completion never overwrites
 * another request's claim. Records stay until {@link #purgeCreatedBefore}, which reads an index by creation.
 */
public class JdbcIdempotencyStore implements IdempotencyStore {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("openmail_idempotency");
    private static final RowMapper<IdempotencyRecord> RECORD = (row, context) -> {
        String body = row.getString("response_body");
        Optional<IdempotencyRecord.StoredResponse> response = body == null
            ? Optional.empty()
            : Optional.of(new IdempotencyRecord.StoredResponse(row.getInt("response_status"), body));
        return new IdempotencyRecord(new AccountId(row.getString("account")), row.getString("idempotency_key"), row.getString("request_hash"),
            Instant.ofEpochMilli(row.getLong("created_at")), response);
    };

    private final Jdbi jdbi;

    @Inject
    public JdbcIdempotencyStore(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcIdempotencyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<IdempotencyRecord> claim(IdempotencyRecord record, Instant expiredBefore) {
        while (true) {
            if (insert(record)) {
                return Optional.empty();
            }
            Optional<IdempotencyRecord> holder = read(record.account(), record.key());
            if (holder.isPresent()) {
                if (!holder.get().isExpiredAt(expiredBefore)) {
                    return holder;
                }
                if (takeOver(holder.get(), record)) {
                    return Optional.empty();
                }
            }
            // The key was released, or taken over by another request, in between: look again.
        }
    }

    private boolean insert(IdempotencyRecord record) {
        return RowWrites.insertIfAbsent(jdbi, handle -> handle.createUpdate("INSERT INTO openmail_idempotency_keys "
                + "(account, idempotency_key, request_hash, created_at) VALUES (:account, :key, :hash, :createdAt)")
            .bind("account", record.account().value())
            .bind("key", record.key())
            .bind("hash", record.requestHash())
            .bind("createdAt", record.createdAt().toEpochMilli())
            .execute());
    }

    /** Replaces the expired claim read just before, unless another request has replaced it since. */
    private boolean takeOver(IdempotencyRecord expired, IdempotencyRecord record) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE openmail_idempotency_keys SET request_hash = :hash, "
                + "created_at = :createdAt, response_status = NULL, response_body = NULL "
                + "WHERE account = :account AND idempotency_key = :key AND created_at = :expiredCreatedAt AND request_hash = :expiredHash")
            .bind("account", record.account().value())
            .bind("key", record.key())
            .bind("hash", record.requestHash())
            .bind("createdAt", record.createdAt().toEpochMilli())
            .bind("expiredCreatedAt", expired.createdAt().toEpochMilli())
            .bind("expiredHash", expired.requestHash())
            .execute()) == 1;
    }

    @Override
    public Optional<IdempotencyRecord> get(AccountId account, String key, Instant expiredBefore) {
        return read(account, key).filter(record -> !record.isExpiredAt(expiredBefore));
    }

    private Optional<IdempotencyRecord> read(AccountId account, String key) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT account, idempotency_key, request_hash, created_at, response_status, "
                + "response_body FROM openmail_idempotency_keys WHERE account = :account AND idempotency_key = :key")
            .bind("account", account.value())
            .bind("key", key)
            .map(RECORD)
            .findOne());
    }

    @Override
    public void complete(IdempotencyRecord completed) {
        IdempotencyRecord.StoredResponse response = completed.response()
            .orElseThrow(() -> new IllegalArgumentException("A completed record has a response"));
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE openmail_idempotency_keys SET response_status = :status, response_body = :body "
                + "WHERE account = :account AND idempotency_key = :key AND created_at = :createdAt AND request_hash = :hash")
            .bind("status", response.status())
            .bind("body", response.body())
            .bind("account", completed.account().value())
            .bind("key", completed.key())
            .bind("createdAt", completed.createdAt().toEpochMilli())
            .bind("hash", completed.requestHash())
            .execute());
    }

    @Override
    public void release(AccountId account, String key) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM openmail_idempotency_keys WHERE account = :account AND idempotency_key = :key")
            .bind("account", account.value())
            .bind("key", key)
            .execute());
    }

    @Override
    public int purgeCreatedBefore(Instant before) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM openmail_idempotency_keys WHERE created_at < :before")
            .bind("before", before.toEpochMilli())
            .execute());
    }
}
