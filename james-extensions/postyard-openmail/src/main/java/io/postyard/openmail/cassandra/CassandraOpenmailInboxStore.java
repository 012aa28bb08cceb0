package io.postyard.openmail.cassandra;

import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;

import io.postyard.cassandra.ListedTable;
import io.postyard.cassandra.MailAddresses;
import io.postyard.cassandra.PostyardSession;
import io.postyard.cassandra.SchemaMigration;
import io.postyard.core.account.AccountId;
import io.postyard.openmail.store.OpenmailInbox;
import io.postyard.openmail.store.OpenmailInboxStore;

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
    private final ListedTable<OpenmailInbox> inboxes;

    @Inject
    public CassandraOpenmailInboxStore(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
        this.inboxes = new ListedTable<>(session, new ListedTable.Layout("openmail_inboxes", "openmail_inboxes_by_account",
            List.of("account", "created_at", "id"), 1, COLUMNS),
            inbox -> new Object[] {inbox.id(), inbox.account().value(), inbox.address().asString(), inbox.externalId().orElse(null),
                inbox.createdAt()},
            inbox -> new Object[] {inbox.account().value(), inbox.createdAt(), inbox.id()}, CassandraOpenmailInboxStore::inbox);
    }

    @Override
    public void save(OpenmailInbox inbox) {
        session.execute(inboxes.save(inbox, get(inbox.id())).build());
    }

    @Override
    public Optional<OpenmailInbox> get(String id) {
        return inboxes.get(id);
    }

    @Override
    public List<OpenmailInbox> list(AccountId account, Optional<String> externalId) {
        return inboxes.list(account.value()).stream()
            .filter(inbox -> externalId.isEmpty() || inbox.externalId().equals(externalId))
            .toList();
    }

    @Override
    public void delete(String id) {
        get(id).ifPresent(inbox -> session.execute(inboxes.delete(inbox).build()));
    }

    private static OpenmailInbox inbox(Row row) {
        return new OpenmailInbox(row.getString("id"), new AccountId(row.getString("account")), MailAddresses.parse(row.getString("address")),
            Optional.ofNullable(row.getString("external_id")), row.getInstant("created_at"));
    }
}
