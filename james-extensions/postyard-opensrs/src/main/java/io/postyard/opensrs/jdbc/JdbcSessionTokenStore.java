package io.postyard.opensrs.jdbc;

import java.time.Instant;
import java.util.Optional;

import javax.inject.Inject;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

import io.postyard.jdbc.JdbcMigration;
import io.postyard.jdbc.PostyardDatabase;
import io.postyard.jdbc.RowWrites;
import io.postyard.opensrs.store.SessionToken;
import io.postyard.opensrs.store.SessionTokenStore;

/**
 * Tokens by hash, a row each. Every removal is one DELETE whose row count tells what it removed, so a single-use token
 * is spent by exactly one caller however many race for it. Expired tokens stay until {@link #removeExpired}, which
 * reads an index by expiry; revoking a login's tokens reads one by login.
 */
public class JdbcSessionTokenStore implements SessionTokenStore {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("oma_session_tokens");

    private final Jdbi jdbi;

    @Inject
    public JdbcSessionTokenStore(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcSessionTokenStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void save(SessionToken token) {
        RowWrites.upsert(jdbi,
            handle -> bind(handle.createUpdate("UPDATE oma_session_tokens SET login = :login, token_type = :type, expires_at = :expiresAt, "
                + "single_use = :singleUse WHERE token_hash = :hash"), token).execute(),
            handle -> bind(handle.createUpdate("INSERT INTO oma_session_tokens (token_hash, login, token_type, expires_at, single_use) "
                + "VALUES (:hash, :login, :type, :expiresAt, :singleUse)"), token).execute());
    }

    @Override
    public Optional<SessionToken> get(String hash) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT token_hash, login, token_type, expires_at, single_use "
                + "FROM oma_session_tokens WHERE token_hash = :hash")
            .bind("hash", hash)
            .map((row, context) -> new SessionToken(row.getString("token_hash"), row.getString("login"), row.getString("token_type"),
                Instant.ofEpochMilli(row.getLong("expires_at")), row.getBoolean("single_use")))
            .findOne());
    }

    @Override
    public boolean remove(String hash) {
        return delete("token_hash = :hash", "hash", hash) == 1;
    }

    @Override
    public int removeAll(String login) {
        return delete("login = :login", "login", login);
    }

    /** A token is valid strictly before its expiry: one expiring at {@code now} goes. */
    @Override
    public int removeExpired(Instant now) {
        return delete("expires_at <= :now", "now", now.toEpochMilli());
    }

    private int delete(String condition, String parameter, Object value) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM oma_session_tokens WHERE " + condition)
            .bind(parameter, value)
            .execute());
    }

    private static Update bind(Update statement, SessionToken token) {
        return statement.bind("hash", token.hash())
            .bind("login", token.login())
            .bind("type", token.type())
            .bind("expiresAt", token.expiresAt().toEpochMilli())
            .bind("singleUse", token.singleUse());
    }
}
