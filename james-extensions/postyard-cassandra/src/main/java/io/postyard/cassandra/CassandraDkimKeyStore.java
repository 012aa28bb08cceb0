package io.postyard.cassandra;

import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Domain;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;

import io.postyard.core.dkim.DkimKey;
import io.postyard.core.dkim.DkimKeyStore;

public class CassandraDkimKeyStore implements DkimKeyStore {
    public static final SchemaMigration SCHEMA = new SchemaMigration("dkim_keys", 1, List.of(
        "CREATE TABLE IF NOT EXISTS dkim_keys (domain text PRIMARY KEY, selector text, private_key_pem text, public_key_base64 text, "
            + "created_at timestamp)"));

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement select;
    private final PreparedStatement delete;

    @Inject
    public CassandraDkimKeyStore(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
        this.insert = session.prepare("INSERT INTO dkim_keys (domain, selector, private_key_pem, public_key_base64, created_at) "
            + "VALUES (?, ?, ?, ?, ?)");
        this.select = session.prepare("SELECT selector, private_key_pem, public_key_base64, created_at FROM dkim_keys WHERE domain = ?");
        this.delete = session.prepare("DELETE FROM dkim_keys WHERE domain = ?");
    }

    @Override
    public void put(DkimKey key) {
        session.execute(insert.bind(key.domain().asString(), key.selector(), key.privateKeyPem(), key.publicKeyBase64(), key.createdAt()));
    }

    @Override
    public Optional<DkimKey> get(Domain domain) {
        return CqlRows.one(session.execute(select.bind(domain.asString())), row -> new DkimKey(domain, row.getString("selector"),
            row.getString("private_key_pem"), row.getString("public_key_base64"), row.getInstant("created_at")));
    }

    @Override
    public void delete(Domain domain) {
        session.execute(delete.bind(domain.asString()));
    }
}
