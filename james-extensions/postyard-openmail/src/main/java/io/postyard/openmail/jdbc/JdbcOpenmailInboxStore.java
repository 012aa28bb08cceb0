package io.postyard.openmail.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

import io.postyard.cassandra.MailAddresses;
import io.postyard.core.account.AccountId;
import io.postyard.jdbc.JdbcMigration;
import io.postyard.jdbc.PostyardDatabase;
import io.postyard.jdbc.RowWrites;
import io.postyard.openmail.store.OpenmailInbox;
import io.postyard.openmail.store.OpenmailInboxStore;

/**
 * Inboxes, a row each. An account's list reads an index by account and creation, so it comes oldest first without a
 * sort; the one filtered by external id reads a second index, with the external id before the creation.
 */
public class JdbcOpenmailInboxStore implements OpenmailInboxStore {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("openmail_inboxes");
    private static final String SELECT = "SELECT id, account, address, external_id, created_at FROM openmail_inboxes ";
    private static final RowMapper<OpenmailInbox> INBOX = (row, context) -> new OpenmailInbox(row.getString("id"),
        new AccountId(row.getString("account")), MailAddresses.parse(row.getString("address")), Optional.ofNullable(row.getString("external_id")),
        Instant.ofEpochMilli(row.getLong("created_at")));

    private final Jdbi jdbi;

    @Inject
    public JdbcOpenmailInboxStore(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcOpenmailInboxStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void save(OpenmailInbox inbox) {
        RowWrites.upsert(jdbi,
            handle -> bind(handle.createUpdate("UPDATE openmail_inboxes SET account = :account, address = :address, "
                + "external_id = :externalId, created_at = :createdAt WHERE id = :id"), inbox).execute(),
            handle -> bind(handle.createUpdate("INSERT INTO openmail_inboxes (id, account, address, external_id, created_at) "
                + "VALUES (:id, :account, :address, :externalId, :createdAt)"), inbox).execute());
    }

    @Override
    public Optional<OpenmailInbox> get(String id) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "WHERE id = :id")
            .bind("id", id)
            .map(INBOX)
            .findOne());
    }

    @Override
    public List<OpenmailInbox> list(AccountId account, Optional<String> externalId) {
        return jdbi.withHandle(handle -> externalId
            .map(wanted -> handle.createQuery(SELECT + "WHERE account = :account AND external_id = :externalId "
                    + "ORDER BY account, external_id, created_at, id")
                .bind("externalId", wanted))
            .orElseGet(() -> handle.createQuery(SELECT + "WHERE account = :account ORDER BY account, created_at, id"))
            .bind("account", account.value())
            .map(INBOX)
            .list());
    }

    @Override
    public void delete(String id) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM openmail_inboxes WHERE id = :id")
            .bind("id", id)
            .execute());
    }

    private static Update bind(Update statement, OpenmailInbox inbox) {
        return statement.bind("id", inbox.id())
            .bind("account", inbox.account().value())
            .bind("address", inbox.address().asString())
            .bind("externalId", inbox.externalId().orElse(null))
            .bind("createdAt", inbox.createdAt().toEpochMilli());
    }
}
