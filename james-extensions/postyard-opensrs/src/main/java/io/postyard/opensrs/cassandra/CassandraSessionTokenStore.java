package io.postyard.opensrs.cassandra;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import io.postyard.cassandra.CqlRows;
import io.postyard.cassandra.PostyardSession;
import io.postyard.cassandra.SchemaMigration;
import io.postyard.cassandra.TimeBucket;
import io.postyard.cassandra.TimeIndex;
import io.postyard.opensrs.store.SessionToken;
import io.postyard.opensrs.store.SessionTokenStore;

/**
 * Tokens by hash; their hashes per login, for revoking them all; and their expiries in the {@link TimeIndex}, hourly,
 * for {@link #removeExpired}. Every row carries a TTL that ends a day after the token's expiry: a token nobody
 * removes still goes, while one that just expired stays readable and countable by the purge, as in memory. Removing
 * is a lightweight transaction, so a single-use token is spent by one node only.
 */
public class CassandraSessionTokenStore implements SessionTokenStore {
    private static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);
    private static final String EXPIRY = "session-token-expiry";
    public static final SchemaMigration SCHEMA = new SchemaMigration("session_tokens", 1, List.of(
        "CREATE TABLE IF NOT EXISTS session_tokens (hash text PRIMARY KEY, login text, type text, expires_at timestamp, single_use boolean)",
        "CREATE TABLE IF NOT EXISTS session_tokens_by_login (login text, hash text, PRIMARY KEY (login, hash))"));

    private final CqlSession session;
    private final TimeIndex expiries;
    private final PreparedStatement insert;
    private final PreparedStatement insertByLogin;
    private final PreparedStatement select;
    private final PreparedStatement selectByLogin;
    private final PreparedStatement delete;
    private final PreparedStatement deleteByLogin;

    @Inject
    public CassandraSessionTokenStore(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
        this.expiries = new TimeIndex(session, TimeBucket.HOUR);
        // A lightweight transaction, as the delete that consumes a single-use token is: Paxos orders the two; a plain
        // write's timestamp could outlive the delete and let the token be used twice.
        this.insert = session.prepare("INSERT INTO session_tokens (hash, login, type, expires_at, single_use) VALUES (?, ?, ?, ?, ?) "
            + "IF NOT EXISTS USING TTL ?");
        this.insertByLogin = session.prepare("INSERT INTO session_tokens_by_login (login, hash) VALUES (?, ?) USING TTL ?");
        this.select = session.prepare("SELECT hash, login, type, expires_at, single_use FROM session_tokens WHERE hash = ?");
        this.selectByLogin = session.prepare("SELECT hash FROM session_tokens_by_login WHERE login = ?");
        this.delete = session.prepare("DELETE FROM session_tokens WHERE hash = ? IF EXISTS");
        this.deleteByLogin = session.prepare("DELETE FROM session_tokens_by_login WHERE login = ? AND hash = ?");
    }

    @Override
    public void save(SessionToken token) {
        Duration lifetime = Duration.between(Instant.now(), token.expiresAt()).plus(KEPT_AFTER_EXPIRY);
        int ttl = (int) Math.max(1, lifetime.toSeconds());
        expiries.add(EXPIRY, token.expiresAt(), token.hash(), lifetime);
        // The login's index first: a token is never without it, so revoking a login's tokens finds them all. (A
        // conditional write cannot share a batch with another table's.)
        session.execute(insertByLogin.bind(token.login(), token.hash(), ttl));
        session.execute(insert.bind(token.hash(), token.login(), token.type(), token.expiresAt(), token.singleUse(), ttl));
    }

    @Override
    public Optional<SessionToken> get(String hash) {
        return CqlRows.one(session.execute(select.bind(hash)), CassandraSessionTokenStore::token);
    }

    @Override
    public boolean remove(String hash) {
        return get(hash).map(this::remove).orElse(false);
    }

    private boolean remove(SessionToken token) {
        boolean removed = session.execute(delete.bind(token.hash())).wasApplied();
        session.execute(deleteByLogin.bind(token.login(), token.hash()));
        expiries.remove(EXPIRY, token.expiresAt(), token.hash());
        return removed;
    }

    @Override
    public int removeAll(String login) {
        int removed = 0;
        for (String hash : CqlRows.list(session.execute(selectByLogin.bind(login)), row -> row.getString("hash"))) {
            Optional<SessionToken> token = get(hash);
            if (token.isPresent()) {
                removed += remove(token.get()) ? 1 : 0;
            } else {
                session.execute(deleteByLogin.bind(login, hash));
            }
        }
        return removed;
    }

    @Override
    public int removeExpired(Instant now) {
        List<SessionToken> expired = expiries.scan(EXPIRY, Instant.EPOCH, now, false)
            .flatMap(entry -> get(entry.key()).stream())
            .filter(token -> !token.isValidAt(now))
            .toList();
        int removed = 0;
        for (SessionToken token : expired) {
            removed += remove(token) ? 1 : 0;
        }
        return removed;
    }

    private static SessionToken token(Row row) {
        return new SessionToken(row.getString("hash"), row.getString("login"), row.getString("type"), row.getInstant("expires_at"),
            row.getBoolean("single_use"));
    }
}
