package io.postyard.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.internet.AddressException;

import org.apache.james.core.MailAddress;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

import io.postyard.core.account.AccountId;
import io.postyard.core.mailbox.HostedMailbox;
import io.postyard.core.mailbox.HostedMailboxStore;
import io.postyard.core.mailbox.Lifetime;

/**
 * Hosted mailboxes, a row per id, with a unique lower-cased address: the row and its claim on the address are one
 * INSERT, so no address is ever left claimed by a mailbox that was not stored. Expired temporary mailboxes stay until
 * the expiry job deletes them (it must first remove their James user and mail); it finds them through an index on the
 * expiry, earliest first.
 */
public class JdbcHostedMailboxStore implements HostedMailboxStore {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("hosted_mailboxes");
    private static final String SELECT = "SELECT id, provider, account, address, lifetime, created_at, expires_at FROM hosted_mailboxes ";
    private static final RowMapper<HostedMailbox> MAILBOX = (row, context) -> new HostedMailbox(row.getString("id"),
        row.getString("provider"), new AccountId(row.getString("account")), address(row.getString("address")),
        Lifetime.valueOf(row.getString("lifetime")), Instant.ofEpochMilli(row.getLong("created_at")), Columns.instant(row, "expires_at"));

    private final Jdbi jdbi;

    @Inject
    public JdbcHostedMailboxStore(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcHostedMailboxStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean insertIfAbsent(HostedMailbox mailbox) {
        return RowWrites.insertIfAbsent(jdbi, handle -> handle.createUpdate("INSERT INTO hosted_mailboxes (id, provider, account, "
                + "address, address_key, lifetime, created_at, expires_at) "
                + "VALUES (:id, :provider, :account, :address, :addressKey, :lifetime, :createdAt, :expiresAt)")
            .bind("id", mailbox.id())
            .bind("provider", mailbox.provider())
            .bind("account", mailbox.account().value())
            .bind("address", mailbox.address().asString())
            .bind("addressKey", key(mailbox.address()))
            .bind("lifetime", mailbox.lifetime().name())
            .bind("createdAt", mailbox.createdAt().toEpochMilli())
            .bind("expiresAt", Columns.millis(mailbox.expiresAt()))
            .execute());
    }

    @Override
    public Optional<HostedMailbox> get(String id) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "WHERE id = :id")
            .bind("id", id)
            .map(MAILBOX)
            .findOne());
    }

    @Override
    public Optional<HostedMailbox> byAddress(MailAddress address) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "WHERE address_key = :addressKey")
            .bind("addressKey", key(address))
            .map(MAILBOX)
            .findOne());
    }

    @Override
    public List<HostedMailbox> list(AccountId account, String provider, Optional<Lifetime> lifetime) {
        String wanted = lifetime.isPresent() ? "AND lifetime = :lifetime " : "";
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery(SELECT + "WHERE account = :account AND provider = :provider " + wanted
                    + "ORDER BY account, provider, created_at, id")
                .bind("account", account.value())
                .bind("provider", provider);
            lifetime.ifPresent(value -> query.bind("lifetime", value.name()));
            return query.map(MAILBOX).list();
        });
    }

    /** Earliest expiry first, so a job working through a backlog in batches takes the longest overdue first. */
    @Override
    public List<HostedMailbox> expiredAt(Instant instant, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "WHERE expires_at <= :instant ORDER BY expires_at, id LIMIT :limit")
            .bind("instant", instant.toEpochMilli())
            .bind("limit", limit)
            .map(MAILBOX)
            .list());
    }

    /** One UPDATE of the row: the lifetime and the expiry its index orders by change together. */
    @Override
    public Optional<HostedMailbox> changeExpiry(String id, Optional<Instant> expiresAt) {
        int changed = jdbi.withHandle(handle -> handle.createUpdate("UPDATE hosted_mailboxes SET lifetime = :lifetime, expires_at = :expiresAt "
                + "WHERE id = :id")
            .bind("lifetime", (expiresAt.isPresent() ? Lifetime.TEMPORARY : Lifetime.PERMANENT).name())
            .bind("expiresAt", Columns.millis(expiresAt))
            .bind("id", id)
            .execute());
        return changed == 0 ? Optional.empty() : get(id);
    }

    @Override
    public void delete(String id) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM hosted_mailboxes WHERE id = :id")
            .bind("id", id)
            .execute());
    }

    private static String key(MailAddress address) {
        return address.asString().toLowerCase(Locale.ROOT);
    }

    private static MailAddress address(String stored) {
        try {
            return new MailAddress(stored);
        } catch (AddressException e) {
            throw new IllegalStateException("A stored address is not an address: " + stored, e);
        }
    }
}
