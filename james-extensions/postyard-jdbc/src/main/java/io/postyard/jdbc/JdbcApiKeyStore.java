package io.postyard.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

import io.postyard.core.account.AccountId;
import io.postyard.core.key.ApiKey;
import io.postyard.core.key.ApiKeyId;
import io.postyard.core.key.ApiKeyStore;
import io.postyard.core.key.KeyHash;
import io.postyard.core.key.KeyKind;
import io.postyard.core.key.KeyScope;

/**
 * API keys, a row per key, found by id, by hash (read on every authenticated request) and by account through an index
 * in list order. A key saved with a new hash loses its old one in the same UPDATE. The hash is unique: a secret
 * authenticates as one key, and saving a second key with the hash of another fails rather than make that a choice.
 */
public class JdbcApiKeyStore implements ApiKeyStore {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("api_keys");
    private static final String SELECT = "SELECT id, account, kind, scope_domain, scope_permissions, description, key_hash, hint, "
        + "created_at, revoked_at FROM api_keys ";
    private static final RowMapper<ApiKey> KEY = (row, context) -> new ApiKey(new ApiKeyId(row.getString("id")),
        new AccountId(row.getString("account")), new KeyKind(row.getString("kind")),
        new KeyScope(Optional.ofNullable(row.getString("scope_domain")).map(Domain::of),
            Set.copyOf(Columns.strings(row.getString("scope_permissions")))),
        row.getString("description"), new KeyHash(row.getString("key_hash")), row.getString("hint"),
        Instant.ofEpochMilli(row.getLong("created_at")), Columns.instant(row, "revoked_at"));

    private final Jdbi jdbi;

    @Inject
    public JdbcApiKeyStore(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcApiKeyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void save(ApiKey key) {
        RowWrites.upsert(jdbi,
            handle -> bind(handle.createUpdate("UPDATE api_keys SET account = :account, kind = :kind, scope_domain = :scopeDomain, "
                + "scope_permissions = :scopePermissions, description = :description, key_hash = :hash, hint = :hint, "
                + "created_at = :createdAt, revoked_at = :revokedAt WHERE id = :id"), key).execute(),
            handle -> bind(handle.createUpdate("INSERT INTO api_keys (id, account, kind, scope_domain, scope_permissions, description, "
                + "key_hash, hint, created_at, revoked_at) VALUES (:id, :account, :kind, :scopeDomain, :scopePermissions, :description, "
                + ":hash, :hint, :createdAt, :revokedAt)"), key).execute());
    }

    @Override
    public Optional<ApiKey> get(ApiKeyId id) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "WHERE id = :id")
            .bind("id", id.value())
            .map(KEY)
            .findOne());
    }

    @Override
    public Optional<ApiKey> findByHash(KeyHash hash) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "WHERE key_hash = :hash")
            .bind("hash", hash.hex())
            .map(KEY)
            .findOne());
    }

    @Override
    public List<ApiKey> list(AccountId account) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "WHERE account = :account ORDER BY account, created_at, id")
            .bind("account", account.value())
            .map(KEY)
            .list());
    }

    private static <S extends SqlStatement<S>> S bind(S statement, ApiKey key) {
        return statement.bind("id", key.id().value())
            .bind("account", key.account().value())
            .bind("kind", key.kind().name())
            .bind("scopeDomain", key.scope().domain().map(Domain::asString).orElse(null))
            .bind("scopePermissions", Columns.json(key.scope().permissions()))
            .bind("description", key.description())
            .bind("hash", key.hash().hex())
            .bind("hint", key.hint())
            .bind("createdAt", key.createdAt().toEpochMilli())
            .bind("revokedAt", Columns.millis(key.revokedAt()));
    }
}
