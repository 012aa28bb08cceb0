package io.postyard.jdbc;

import java.time.Instant;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.jdbi.v3.core.Jdbi;

import io.postyard.core.dkim.DkimKey;
import io.postyard.core.dkim.DkimKeyStore;

/** A domain's DKIM key, a row per domain. */
public class JdbcDkimKeyStore implements DkimKeyStore {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("dkim_keys");

    private final Jdbi jdbi;

    @Inject
    public JdbcDkimKeyStore(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcDkimKeyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Replaces the domain's key: delete and insert in one transaction, in SQL every database takes. */
    @Override
    public void put(DkimKey key) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM dkim_keys WHERE domain = :domain").bind("domain", key.domain().asString()).execute();
            handle.createUpdate("INSERT INTO dkim_keys (domain, selector, private_key_pem, public_key_base64, created_at) "
                    + "VALUES (:domain, :selector, :privateKey, :publicKey, :createdAt)")
                .bind("domain", key.domain().asString())
                .bind("selector", key.selector())
                .bind("privateKey", key.privateKeyPem())
                .bind("publicKey", key.publicKeyBase64())
                .bind("createdAt", key.createdAt().toEpochMilli())
                .execute();
        });
    }

    @Override
    public Optional<DkimKey> get(Domain domain) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT domain, selector, private_key_pem, public_key_base64, created_at "
                + "FROM dkim_keys WHERE domain = :domain")
            .bind("domain", domain.asString())
            .map((row, context) -> new DkimKey(Domain.of(row.getString("domain")), row.getString("selector"),
                row.getString("private_key_pem"), row.getString("public_key_base64"), Instant.ofEpochMilli(row.getLong("created_at"))))
            .findOne());
    }

    @Override
    public void delete(Domain domain) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM dkim_keys WHERE domain = :domain")
            .bind("domain", domain.asString())
            .execute());
    }
}
