package io.postyard.cassandra;

import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Domain;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
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
    private final ListedTable<ApiKey> keys;
    private final PreparedStatement insertHash;
    private final PreparedStatement selectHash;
    private final PreparedStatement deleteHash;

    @Inject
    public CassandraApiKeyStore(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
        this.keys = new ListedTable<>(session, new ListedTable.Layout("api_keys", "api_keys_by_account", List.of("account", "created_at", "id"),
            1, COLUMNS), CassandraApiKeyStore::values, key -> new Object[] {key.account().value(), key.createdAt(), key.id().value()},
            CassandraApiKeyStore::key);
        this.insertHash = session.prepare("INSERT INTO api_keys_by_hash (hash, id) VALUES (?, ?)");
        this.selectHash = session.prepare("SELECT id FROM api_keys_by_hash WHERE hash = ?");
        this.deleteHash = session.prepare("DELETE FROM api_keys_by_hash WHERE hash = ?");
    }

    @Override
    public void save(ApiKey key) {
        Optional<ApiKey> previous = get(key.id());
        BatchStatementBuilder batch = keys.save(key, previous).addStatement(insertHash.bind(key.hash().hex(), key.id().value()));
        previous.map(ApiKey::hash).filter(hash -> !hash.equals(key.hash())).ifPresent(hash -> batch.addStatement(deleteHash.bind(hash.hex())));
        session.execute(batch.build());
    }

    @Override
    public Optional<ApiKey> get(ApiKeyId id) {
        return keys.get(id.value());
    }

    @Override
    public Optional<ApiKey> findByHash(KeyHash hash) {
        return CqlRows.one(session.execute(selectHash.bind(hash.hex())), row -> new ApiKeyId(row.getString("id")))
            .flatMap(this::get)
            .filter(key -> key.hash().equals(hash));
    }

    @Override
    public List<ApiKey> list(AccountId account) {
        return keys.list(account.value());
    }

    private static Object[] values(ApiKey key) {
        return new Object[] {key.id().value(), key.account().value(), key.kind().name(), key.scope().domain().map(Domain::asString).orElse(null),
            key.scope().permissions(), key.description(), key.hash().hex(), key.hint(), key.createdAt(), key.revokedAt().orElse(null)};
    }

    private static ApiKey key(Row row) {
        return new ApiKey(new ApiKeyId(row.getString("id")), new AccountId(row.getString("account")), new KeyKind(row.getString("kind")),
            new KeyScope(Optional.ofNullable(row.getString("scope_domain")).map(Domain::of), row.getSet("scope_permissions", String.class)),
            row.getString("description"), new KeyHash(row.getString("hash")), row.getString("hint"), row.getInstant("created_at"),
            Optional.ofNullable(row.getInstant("revoked_at")));
    }
}
