package io.postyard.mailgun.jdbc;

import java.time.Instant;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.jdbi.v3.core.Jdbi;

import io.postyard.jdbc.JdbcMigration;
import io.postyard.jdbc.PostyardDatabase;
import io.postyard.mailgun.credential.CredentialStore;

/** When each Mailgun SMTP credential was made, a row per login. */
public class JdbcCredentialStore implements CredentialStore {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("credentials");

    private final Jdbi jdbi;

    @Inject
    public JdbcCredentialStore(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcCredentialStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Replaces any earlier record of the login: delete and insert in one transaction, in SQL every database takes. */
    @Override
    public void recordCreation(Username login, Instant createdAt) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM credentials WHERE login = :login").bind("login", login.asString()).execute();
            handle.createUpdate("INSERT INTO credentials (login, created_at) VALUES (:login, :createdAt)")
                .bind("login", login.asString())
                .bind("createdAt", createdAt.toEpochMilli())
                .execute();
        });
    }

    @Override
    public Optional<Instant> createdAt(Username login) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT created_at FROM credentials WHERE login = :login")
            .bind("login", login.asString())
            .mapTo(Long.class)
            .findOne()
            .map(Instant::ofEpochMilli));
    }

    @Override
    public void forget(Username login) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM credentials WHERE login = :login")
            .bind("login", login.asString())
            .execute());
    }
}
