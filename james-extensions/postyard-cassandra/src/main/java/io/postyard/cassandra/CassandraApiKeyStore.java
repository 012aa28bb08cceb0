package io.postyard.cassandra;

import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import io.postyard.core.account.AccountId;
import io.postyard.core.key.ApiKey;
import io.postyard.core.key.ApiKeyId;
import io.postyard.core.key.ApiKeyStore;
import io.postyard.core.key.KeyHash;
import io.postyard.core.key.KeyKind;
import io.postyard.core.key.KeyScope;

/**
 * Keys by id; a lookup table from hash to id, read on every authenticated request; and a copy of each key in its
 * account's partition, clustered by creation, for listing. The three are written in one logged batch.
 */
public class CassandraApiKeyStore implements ApiKeyStore {
    private static final String COLUMNS = "id, account, kind, scope_domain, scope_permissions, description, hash, hint, created_at, revoked_at";
    private static final String KEY_COLUMNS = "kind text, scope_domain text, scope_permissions set<text>, description text, hash text, "
        + "hint text, revoked_at timestamp";
    public static final SchemaMigration SCHEMA = new SchemaMigration("api_keys", 1, List.of(
        "CREATE TABLE IF NOT EXISTS api_keys (id text PRIMARY KEY, account text, created_at timestamp, " + KEY_COLUMNS + ")",
        "CREATE TABLE IF NOT EXISTS api_keys_by_hash (hash text PRIMARY KEY, id text)",
        "CREATE TABLE IF NOT EXISTS api_keys_by_account (account text, created_at timestamp, id text, " + KEY_COLUMNS + ", "
            + "PRIMARY KEY (account, created_at, id))"));

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement insertByAccount;
    private final PreparedStatement insertHash;
    private final PreparedStatement select;
    private final PreparedStatement selectHash;
    private final PreparedStatement selectByAccount;
    private final PreparedStatement deleteHash;
    private final PreparedStatement deleteByAccount;

    @Inject
    public CassandraApiKeyStore(CqlSession session) {
        this.session = session;
        this.insert = session.prepare("INSERT INTO api_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.insertByAccount = session.prepare("INSERT INTO api_keys_by_account (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.insertHash = session.prepare("INSERT INTO api_keys_by_hash (hash, id) VALUES (?, ?)");
        this.select = session.prepare("SELECT " + COLUMNS + " FROM api_keys WHERE id = ?");
        this.selectHash = session.prepare("SELECT id FROM api_keys_by_hash WHERE hash = ?");
        this.selectByAccount = session.prepare("SELECT " + COLUMNS + " FROM api_keys_by_account WHERE account = ?");
        this.deleteHash = session.prepare("DELETE FROM api_keys_by_hash WHERE hash = ?");
        this.deleteByAccount = session.prepare("DELETE FROM api_keys_by_account WHERE account = ? AND created_at = ? AND id = ?");
    }

    @Override
    public void save(ApiKey key) {
        Object[] values = {key.id().value(), key.account().value(), key.kind().name(), key.scope().domain().map(Domain::asString).orElse(null),
            key.scope().permissions(), key.description(), key.hash().hex(), key.hint(), key.createdAt(), key.revokedAt().orElse(null)};
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.LOGGED)
            .addStatements(insert.bind(values), insertByAccount.bind(values), insertHash.bind(key.hash().hex(), key.id().value()));
        get(key.id()).ifPresent(previous -> {
            if (!previous.hash().equals(key.hash())) {
                batch.addStatement(deleteHash.bind(previous.hash().hex()));
            }
            if (!previous.account().equals(key.account()) || !previous.createdAt().equals(key.createdAt())) {
                batch.addStatement(deleteByAccount.bind(previous.account().value(), previous.createdAt(), previous.id().value()));
            }
        });
        session.execute(batch.build());
    }

    @Override
    public Optional<ApiKey> get(ApiKeyId id) {
        return CqlRows.one(session.execute(select.bind(id.value())), CassandraApiKeyStore::key);
    }

    @Override
    public Optional<ApiKey> findByHash(KeyHash hash) {
        return CqlRows.one(session.execute(selectHash.bind(hash.hex())), row -> new ApiKeyId(row.getString("id")))
            .flatMap(this::get)
            .filter(key -> key.hash().equals(hash));
    }

    @Override
    public List<ApiKey> list(AccountId account) {
        return CqlRows.list(session.execute(selectByAccount.bind(account.value())), CassandraApiKeyStore::key);
    }

    private static ApiKey key(Row row) {
        return new ApiKey(new ApiKeyId(row.getString("id")), new AccountId(row.getString("account")), new KeyKind(row.getString("kind")),
            new KeyScope(Optional.ofNullable(row.getString("scope_domain")).map(Domain::of), row.getSet("scope_permissions", String.class)),
            row.getString("description"), new KeyHash(row.getString("hash")), row.getString("hint"), row.getInstant("created_at"),
            Optional.ofNullable(row.getInstant("revoked_at")));
    }
}
