package io.postyard.cassandra;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.MailAddress;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;

import io.postyard.core.account.AccountId;
import io.postyard.core.mailbox.HostedMailbox;
import io.postyard.core.mailbox.HostedMailboxStore;
import io.postyard.core.mailbox.Lifetime;

/**
 * Mailboxes by id; the address (lower-cased) claimed with a lightweight transaction, so two nodes never give one
 * address to two mailboxes; a copy per account and provider clustered by creation, for listing; and temporary ones in
 * the {@link TimeIndex} by expiry, in hourly buckets, so the expiry job reads only the hours that are due.
 * <p>
 * No Cassandra TTL here: an expired mailbox must stay until the expiry job has removed its James user and mail and
 * recorded its {@code expired} event, which a row vanishing by itself would skip.
 */
public class CassandraHostedMailboxStore implements HostedMailboxStore {
    private static final String COLUMNS = "id, provider, account, address, lifetime, created_at, expires_at";
    private static final String EXPIRY = "hosted-mailbox-expiry";
    // An address claimed by a mailbox whose record was never written (its node stopped in between) is free again after
    // this long; a creation in progress writes its record well within it.
    private static final Duration ABANDONED_CLAIM = Duration.ofMinutes(1);
    public static final SchemaMigration SCHEMA = new SchemaMigration("hosted_mailboxes", 1, List.of(
        "CREATE TABLE IF NOT EXISTS hosted_mailboxes (id text PRIMARY KEY, provider text, account text, address text, lifetime text, "
            + "created_at timestamp, expires_at timestamp)",
        "CREATE TABLE IF NOT EXISTS hosted_mailbox_addresses (address text PRIMARY KEY, id text, claimed_at timestamp)",
        "CREATE TABLE IF NOT EXISTS hosted_mailboxes_by_account (account text, provider text, created_at timestamp, id text, "
            + "address text, lifetime text, expires_at timestamp, PRIMARY KEY ((account, provider), created_at, id))"));

    private final CqlSession session;
    private final TimeIndex expiries;
    private final ListedTable<HostedMailbox> mailboxes;
    private final PreparedStatement claimAddress;
    private final PreparedStatement takeOverAddress;
    private final PreparedStatement selectAddress;
    private final PreparedStatement releaseAddress;

    @Inject
    public CassandraHostedMailboxStore(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
        this.expiries = new TimeIndex(session, TimeBucket.HOUR);
        this.mailboxes = new ListedTable<>(session, new ListedTable.Layout("hosted_mailboxes", "hosted_mailboxes_by_account",
            List.of("account", "provider", "created_at", "id"), 2, COLUMNS), CassandraHostedMailboxStore::values,
            mailbox -> new Object[] {mailbox.account().value(), mailbox.provider(), mailbox.createdAt(), mailbox.id()},
            CassandraHostedMailboxStore::mailbox);
        this.claimAddress = session.prepare("INSERT INTO hosted_mailbox_addresses (address, id, claimed_at) VALUES (?, ?, ?) IF NOT EXISTS");
        this.takeOverAddress = session.prepare("UPDATE hosted_mailbox_addresses SET id = ?, claimed_at = ? WHERE address = ? IF id = ?");
        this.selectAddress = session.prepare("SELECT id FROM hosted_mailbox_addresses WHERE address = ?");
        this.releaseAddress = session.prepare("DELETE FROM hosted_mailbox_addresses WHERE address = ? IF id = ?");
    }

    @Override
    public boolean insertIfAbsent(HostedMailbox mailbox) {
        if (!claim(mailbox)) {
            return false;
        }
        mailbox.expiresAt().ifPresent(expiry -> expiries.add(EXPIRY, expiry, mailbox.id()));
        session.execute(mailboxes.save(mailbox, Optional.empty()).build());
        return true;
    }

    private boolean claim(HostedMailbox mailbox) {
        Instant now = Instant.now();
        ResultSet claimed = session.execute(claimAddress.bind(key(mailbox.address()), mailbox.id(), now));
        if (claimed.wasApplied()) {
            return true;
        }
        Row holder = claimed.one();
        String holderId = holder.getString("id");
        boolean abandoned = get(holderId).isEmpty() && holder.getInstant("claimed_at").plus(ABANDONED_CLAIM).isBefore(now);
        return abandoned && session.execute(takeOverAddress.bind(mailbox.id(), now, key(mailbox.address()), holderId)).wasApplied();
    }

    @Override
    public Optional<HostedMailbox> get(String id) {
        return mailboxes.get(id);
    }

    @Override
    public Optional<HostedMailbox> byAddress(MailAddress address) {
        return CqlRows.one(session.execute(selectAddress.bind(key(address))), row -> row.getString("id"))
            .flatMap(this::get);
    }

    @Override
    public List<HostedMailbox> list(AccountId account, String provider, Optional<Lifetime> lifetime) {
        return mailboxes.list(account.value(), provider).stream()
            .filter(mailbox -> lifetime.map(wanted -> mailbox.lifetime() == wanted).orElse(true))
            .toList();
    }

    @Override
    public List<HostedMailbox> expiredAt(Instant instant, int limit) {
        return expiries.scan(EXPIRY, Instant.EPOCH, instant, false)
            .flatMap(entry -> get(entry.key()).stream())
            .filter(mailbox -> mailbox.isExpiredAt(instant))
            .limit(limit)
            .toList();
    }

    /**
     * The new expiry is indexed before the record changes and the old one unindexed after: the expiry scan checks
     * each record it finds, so an entry left over is skipped, but a missing one would keep the mailbox forever.
     */
    @Override
    public Optional<HostedMailbox> changeExpiry(String id, Optional<Instant> expiresAt) {
        return get(id).map(mailbox -> {
            HostedMailbox changed = mailbox.withExpiry(expiresAt);
            changed.expiresAt().ifPresent(expiry -> expiries.add(EXPIRY, expiry, id));
            session.execute(mailboxes.save(changed, Optional.of(mailbox)).build());
            mailbox.expiresAt().filter(expiry -> !changed.expiresAt().equals(Optional.of(expiry)))
                .ifPresent(expiry -> expiries.remove(EXPIRY, expiry, id));
            return changed;
        });
    }

    /** The record and its listing go first, the address last: an address left claimed is taken over, an orphan record would not be. */
    @Override
    public void delete(String id) {
        get(id).ifPresent(mailbox -> {
            session.execute(mailboxes.delete(mailbox).build());
            mailbox.expiresAt().ifPresent(expiry -> expiries.remove(EXPIRY, expiry, id));
            session.execute(releaseAddress.bind(key(mailbox.address()), id));
        });
    }

    private static String key(MailAddress address) {
        return address.asString().toLowerCase(Locale.ROOT);
    }

    private static Object[] values(HostedMailbox mailbox) {
        return new Object[] {mailbox.id(), mailbox.provider(), mailbox.account().value(), mailbox.address().asString(),
            mailbox.lifetime().name(), mailbox.createdAt(), mailbox.expiresAt().orElse(null)};
    }

    private static HostedMailbox mailbox(Row row) {
        return new HostedMailbox(row.getString("id"), row.getString("provider"), new AccountId(row.getString("account")),
            MailAddresses.parse(row.getString("address")), Lifetime.valueOf(row.getString("lifetime")), row.getInstant("created_at"),
            Optional.ofNullable(row.getInstant("expires_at")));
    }
}
