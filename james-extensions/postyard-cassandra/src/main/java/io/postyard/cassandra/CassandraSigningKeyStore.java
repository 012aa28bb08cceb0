package io.postyard.cassandra;

import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;

import io.postyard.core.account.AccountId;
import io.postyard.core.account.SigningKeyStore;

/** The first key is set with a lightweight transaction: two nodes making an account's first key agree on one. */
public class CassandraSigningKeyStore implements SigningKeyStore {
    public static final SchemaMigration SCHEMA = new SchemaMigration("signing_keys", 1, List.of(
        "CREATE TABLE IF NOT EXISTS signing_keys (account text PRIMARY KEY, signing_key text)"));

    private final CqlSession session;
    private final PreparedStatement insertIfAbsent;
    private final PreparedStatement upsert;
    private final PreparedStatement select;

    @Inject
    public CassandraSigningKeyStore(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
        this.insertIfAbsent = session.prepare("INSERT INTO signing_keys (account, signing_key) VALUES (?, ?) IF NOT EXISTS");
        this.upsert = session.prepare("INSERT INTO signing_keys (account, signing_key) VALUES (?, ?)");
        this.select = session.prepare("SELECT signing_key FROM signing_keys WHERE account = ?");
    }

    @Override
    public Optional<String> get(AccountId account) {
        return CqlRows.one(session.execute(select.bind(account.value())), row -> row.getString("signing_key"));
    }

    @Override
    public String putIfAbsent(AccountId account, String key) {
        ResultSet result = session.execute(insertIfAbsent.bind(account.value(), key));
        // A refused conditional insert answers the row that won.
        return result.wasApplied() ? key : result.one().getString("signing_key");
    }

    @Override
    public void put(AccountId account, String key) {
        session.execute(upsert.bind(account.value(), key));
    }
}
