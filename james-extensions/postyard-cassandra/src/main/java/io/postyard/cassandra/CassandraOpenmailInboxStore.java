package io.postyard.cassandra;

import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import io.postyard.core.account.AccountId;
import io.postyard.core.openmail.OpenmailInbox;
import io.postyard.core.openmail.OpenmailInboxStore;

/**
 * Inboxes by id, and a copy in their account's partition clustered by creation, so an account's inboxes are one
 * slice, oldest first. An agent platform has few external ids per account, so that filter is applied to the slice.
 */
public class CassandraOpenmailInboxStore implements OpenmailInboxStore {
    private static final String COLUMNS = "id, account, address, external_id, created_at";
    public static final SchemaMigration SCHEMA = new SchemaMigration("openmail_inboxes", 1, List.of(
        "CREATE TABLE IF NOT EXISTS openmail_inboxes (id text PRIMARY KEY, account text, address text, external_id text, "
            + "created_at timestamp)",
        "CREATE TABLE IF NOT EXISTS openmail_inboxes_by_account (account text, created_at timestamp, id text, address text, "
            + "external_id text, PRIMARY KEY (account, created_at, id))"));

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement insertByAccount;
    private final PreparedStatement select;
    private final PreparedStatement selectByAccount;
    private final PreparedStatement delete;
    private final PreparedStatement deleteByAccount;

    @Inject
    public CassandraOpenmailInboxStore(CqlSession session) {
        this.session = session;
        this.insert = session.prepare("INSERT INTO openmail_inboxes (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)");
        this.insertByAccount = session.prepare("INSERT INTO openmail_inboxes_by_account (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)");
        this.select = session.prepare("SELECT " + COLUMNS + " FROM openmail_inboxes WHERE id = ?");
        this.selectByAccount = session.prepare("SELECT " + COLUMNS + " FROM openmail_inboxes_by_account WHERE account = ?");
        this.delete = session.prepare("DELETE FROM openmail_inboxes WHERE id = ?");
        this.deleteByAccount = session.prepare("DELETE FROM openmail_inboxes_by_account WHERE account = ? AND created_at = ? AND id = ?");
    }

    @Override
    public void save(OpenmailInbox inbox) {
        Object[] values = {inbox.id(), inbox.account().value(), inbox.address().asString(), inbox.externalId().orElse(null), inbox.createdAt()};
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.LOGGED).addStatements(insert.bind(values),
            insertByAccount.bind(values));
        get(inbox.id()).filter(previous -> !previous.account().equals(inbox.account()) || !previous.createdAt().equals(inbox.createdAt()))
            .ifPresent(previous -> batch.addStatement(unlist(previous)));
        session.execute(batch.build());
    }

    @Override
    public Optional<OpenmailInbox> get(String id) {
        return CqlRows.one(session.execute(select.bind(id)), CassandraOpenmailInboxStore::inbox);
    }

    @Override
    public List<OpenmailInbox> list(AccountId account, Optional<String> externalId) {
        return CqlRows.list(session.execute(selectByAccount.bind(account.value())), CassandraOpenmailInboxStore::inbox).stream()
            .filter(inbox -> externalId.isEmpty() || inbox.externalId().equals(externalId))
            .toList();
    }

    @Override
    public void delete(String id) {
        get(id).ifPresent(inbox -> session.execute(BatchStatement.newInstance(DefaultBatchType.LOGGED, delete.bind(id), unlist(inbox))));
    }

    private BoundStatement unlist(OpenmailInbox inbox) {
        return deleteByAccount.bind(inbox.account().value(), inbox.createdAt(), inbox.id());
    }

    private static OpenmailInbox inbox(Row row) {
        return new OpenmailInbox(row.getString("id"), new AccountId(row.getString("account")), MailAddresses.parse(row.getString("address")),
            Optional.ofNullable(row.getString("external_id")), row.getInstant("created_at"));
    }
}
