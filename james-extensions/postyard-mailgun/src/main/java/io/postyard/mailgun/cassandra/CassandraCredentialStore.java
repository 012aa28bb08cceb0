package io.postyard.mailgun.cassandra;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Username;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;

import io.postyard.cassandra.CqlRows;
import io.postyard.cassandra.PostyardSession;
import io.postyard.cassandra.SchemaMigration;
import io.postyard.mailgun.credential.CredentialStore;

public class CassandraCredentialStore implements CredentialStore {
    public static final SchemaMigration SCHEMA = new SchemaMigration("credentials", 1, List.of(
        "CREATE TABLE IF NOT EXISTS credentials (login text PRIMARY KEY, created_at timestamp)"));

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement select;
    private final PreparedStatement delete;

    @Inject
    public CassandraCredentialStore(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
        this.insert = session.prepare("INSERT INTO credentials (login, created_at) VALUES (?, ?)");
        this.select = session.prepare("SELECT created_at FROM credentials WHERE login = ?");
        this.delete = session.prepare("DELETE FROM credentials WHERE login = ?");
    }

    @Override
    public void recordCreation(Username login, Instant createdAt) {
        session.execute(insert.bind(login.asString(), createdAt));
    }

    @Override
    public Optional<Instant> createdAt(Username login) {
        return CqlRows.one(session.execute(select.bind(login.asString())), row -> row.getInstant("created_at"));
    }

    @Override
    public void forget(Username login) {
        session.execute(delete.bind(login.asString()));
    }
}
