package io.postyard.openmail.cassandra;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;

import io.postyard.cassandra.CqlRows;
import io.postyard.cassandra.PostyardSession;
import io.postyard.cassandra.SchemaMigration;
import io.postyard.cassandra.TimeBucket;
import io.postyard.cassandra.TimeIndex;
import io.postyard.core.account.AccountId;
import io.postyard.openmail.store.IdempotencyRecord;
import io.postyard.openmail.store.IdempotencyStore;

/**
 * One row per account and key. Every write is a lightweight transaction, so of two nodes claiming a key (or taking
 * over an expired one) exactly one wins, and a late completion never overwrites another request's claim. Every column
 * is written with a TTL of {@link IdempotencyStore#MAX_LIFETIME}, so records go by themselves; creations are also in the
 * {@link TimeIndex}, hourly, for {@link #purgeCreatedBefore}.
 */
public class CassandraIdempotencyStore implements IdempotencyStore {
    private static final String CREATED = "idempotency-created";
    private static final int TTL = (int) MAX_LIFETIME.toSeconds();
    private static final String COLUMNS = "account, key, request_hash, created_at, response_status, response_body";
    public static final SchemaMigration SCHEMA = new SchemaMigration("idempotency_records", 1, List.of(
        "CREATE TABLE IF NOT EXISTS idempotency_records (account text, key text, request_hash text, created_at timestamp, "
            + "response_status int, response_body text, PRIMARY KEY ((account, key)))"));

    private final CqlSession session;
    private final TimeIndex creations;
    private final PreparedStatement insertIfAbsent;
    private final PreparedStatement takeOver;
    private final PreparedStatement select;
    private final PreparedStatement complete;
    private final PreparedStatement release;
    private final PreparedStatement purge;

    @Inject
    public CassandraIdempotencyStore(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
        this.creations = new TimeIndex(session, TimeBucket.HOUR);
        this.insertIfAbsent = session.prepare("INSERT INTO idempotency_records (account, key, request_hash, created_at) VALUES (?, ?, ?, ?) "
            + "IF NOT EXISTS USING TTL " + TTL);
        this.takeOver = session.prepare("UPDATE idempotency_records USING TTL " + TTL + " SET request_hash = ?, created_at = ?, "
            + "response_status = null, response_body = null WHERE account = ? AND key = ? IF created_at = ?");
        this.select = session.prepare("SELECT " + COLUMNS + " FROM idempotency_records WHERE account = ? AND key = ?");
        // Every column again, with a fresh TTL, so none outlives the others.
        this.complete = session.prepare("UPDATE idempotency_records USING TTL " + TTL + " SET request_hash = ?, created_at = ?, "
            + "response_status = ?, response_body = ? WHERE account = ? AND key = ? IF created_at = ? AND request_hash = ?");
        this.release = session.prepare("DELETE FROM idempotency_records WHERE account = ? AND key = ? IF EXISTS");
        this.purge = session.prepare("DELETE FROM idempotency_records WHERE account = ? AND key = ? IF created_at = ?");
    }

    @Override
    public Optional<IdempotencyRecord> claim(IdempotencyRecord record, Instant expiredBefore) {
        String account = record.account().value();
        while (true) {
            ResultSet inserted = session.execute(insertIfAbsent.bind(account, record.key(), record.requestHash(), record.createdAt()));
            if (inserted.wasApplied()) {
                return claimed(record);
            }
            IdempotencyRecord holder = record(inserted.one());
            if (!holder.isExpiredAt(expiredBefore)) {
                return Optional.of(holder);
            }
            if (session.execute(takeOver.bind(record.requestHash(), record.createdAt(), account, record.key(), holder.createdAt())).wasApplied()) {
                return claimed(record);
            }
            // Another request changed the key in between: look again.
        }
    }

    private Optional<IdempotencyRecord> claimed(IdempotencyRecord record) {
        creations.add(CREATED, record.createdAt(), indexKey(record.account(), record.key()), MAX_LIFETIME);
        return Optional.empty();
    }

    @Override
    public Optional<IdempotencyRecord> get(AccountId account, String key, Instant expiredBefore) {
        return CqlRows.one(session.execute(select.bind(account.value(), key)), CassandraIdempotencyStore::record)
            .filter(record -> !record.isExpiredAt(expiredBefore));
    }

    @Override
    public void complete(IdempotencyRecord completed) {
        IdempotencyRecord.StoredResponse response = completed.response()
            .orElseThrow(() -> new IllegalArgumentException("A completed record has a response"));
        session.execute(complete.bind(completed.requestHash(), completed.createdAt(), response.status(), response.body(),
            completed.account().value(), completed.key(), completed.createdAt(), completed.requestHash()));
    }

    @Override
    public void release(AccountId account, String key) {
        session.execute(release.bind(account.value(), key));
    }

    @Override
    public int purgeCreatedBefore(Instant before) {
        List<TimeIndex.Entry> created = creations.scan(CREATED, Instant.EPOCH, before, false)
            .filter(entry -> entry.at().isBefore(before))
            .toList();
        int purged = 0;
        for (TimeIndex.Entry entry : created) {
            int separator = entry.key().lastIndexOf('\n');
            // Only the record created then goes: one that took the key over since is younger.
            if (session.execute(purge.bind(entry.key().substring(0, separator), entry.key().substring(separator + 1), entry.at())).wasApplied()) {
                purged++;
            }
            creations.remove(CREATED, entry.at(), entry.key());
        }
        return purged;
    }

    /** Idempotency keys are visible ASCII, without line breaks: the last one in an entry ends the account. */
    private static String indexKey(AccountId account, String key) {
        return account.value() + "\n" + key;
    }

    private static IdempotencyRecord record(Row row) {
        Optional<IdempotencyRecord.StoredResponse> response = Optional.ofNullable(row.getString("response_body"))
            .map(body -> new IdempotencyRecord.StoredResponse(row.getInt("response_status"), body));
        return new IdempotencyRecord(new AccountId(row.getString("account")), row.getString("key"), row.getString("request_hash"),
            row.getInstant("created_at"), response);
    }
}
