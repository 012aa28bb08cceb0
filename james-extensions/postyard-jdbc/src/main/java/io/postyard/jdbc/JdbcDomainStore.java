package io.postyard.jdbc;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

import io.postyard.core.account.AccountId;
import io.postyard.core.domain.DnsRecordKind;
import io.postyard.core.domain.DnsVerification;
import io.postyard.core.domain.DomainState;
import io.postyard.core.domain.DomainStore;
import io.postyard.core.domain.MailDomain;
import io.postyard.core.tracking.ClickTracking;
import io.postyard.core.tracking.TrackingSettings;

/**
 * Account domains, a row per name: the primary key lets one creation of a name win, whichever node makes it. Listed
 * per account through an index in name order; the DNS check's outcome per record kind is one JSON column.
 */
public class JdbcDomainStore implements DomainStore {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("domains");
    private static final String COLUMNS = "name, account, state, wildcard, force_dkim_authority, created_at, updated_at, track_open, "
        + "track_click, track_unsubscribe, unsubscribe_html_footer, unsubscribe_text_footer, dns_checked_at, dns_valid";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM domains ";
    private static final String INSERT = "INSERT INTO domains (" + COLUMNS + ") "
        + "VALUES (:name, :account, :state, :wildcard, :forceDkimAuthority, :createdAt, :updatedAt, :trackOpen, :trackClick, "
        + ":trackUnsubscribe, :htmlFooter, :textFooter, :dnsCheckedAt, :dnsValid)";
    private static final String UPDATE = "UPDATE domains SET account = :account, state = :state, wildcard = :wildcard, "
        + "force_dkim_authority = :forceDkimAuthority, created_at = :createdAt, updated_at = :updatedAt, track_open = :trackOpen, "
        + "track_click = :trackClick, track_unsubscribe = :trackUnsubscribe, unsubscribe_html_footer = :htmlFooter, "
        + "unsubscribe_text_footer = :textFooter, dns_checked_at = :dnsCheckedAt, dns_valid = :dnsValid WHERE name = :name";
    private static final RowMapper<MailDomain> DOMAIN = (row, context) -> new MailDomain(Domain.of(row.getString("name")),
        new AccountId(row.getString("account")), DomainState.valueOf(row.getString("state")), row.getBoolean("wildcard"),
        row.getBoolean("force_dkim_authority"), Instant.ofEpochMilli(row.getLong("created_at")),
        Instant.ofEpochMilli(row.getLong("updated_at")),
        new TrackingSettings(row.getBoolean("track_open"), ClickTracking.valueOf(row.getString("track_click")),
            row.getBoolean("track_unsubscribe"), row.getString("unsubscribe_html_footer"), row.getString("unsubscribe_text_footer")),
        new DnsVerification(Columns.instant(row, "dns_checked_at"), dnsValid(row.getString("dns_valid"))));

    private final Jdbi jdbi;

    @Inject
    public JdbcDomainStore(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcDomainStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean insertIfAbsent(MailDomain domain) {
        return RowWrites.insertIfAbsent(jdbi, handle -> insert(handle, domain));
    }

    @Override
    public void save(MailDomain domain) {
        RowWrites.upsert(jdbi, handle -> bind(handle.createUpdate(UPDATE), domain).execute(), handle -> insert(handle, domain));
    }

    @Override
    public Optional<MailDomain> get(Domain name) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "WHERE name = :name")
            .bind("name", name.asString())
            .map(DOMAIN)
            .findOne());
    }

    @Override
    public List<MailDomain> list(AccountId account) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "WHERE account = :account ORDER BY account, name")
            .bind("account", account.value())
            .map(DOMAIN)
            .list());
    }

    @Override
    public void delete(Domain name) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM domains WHERE name = :name")
            .bind("name", name.asString())
            .execute());
    }

    private static void insert(Handle handle, MailDomain domain) {
        bind(handle.createUpdate(INSERT), domain).execute();
    }

    private static <S extends SqlStatement<S>> S bind(S statement, MailDomain domain) {
        TrackingSettings tracking = domain.tracking();
        Map<String, Boolean> valid = new HashMap<>();
        domain.verification().valid().forEach((kind, isValid) -> valid.put(kind.name(), isValid));
        return statement.bind("name", domain.name().asString())
            .bind("account", domain.account().value())
            .bind("state", domain.state().name())
            .bind("wildcard", domain.wildcard())
            .bind("forceDkimAuthority", domain.forceDkimAuthority())
            .bind("createdAt", domain.createdAt().toEpochMilli())
            .bind("updatedAt", domain.updatedAt().toEpochMilli())
            .bind("trackOpen", tracking.open())
            .bind("trackClick", tracking.click().name())
            .bind("trackUnsubscribe", tracking.unsubscribe())
            .bind("htmlFooter", tracking.unsubscribeHtmlFooter())
            .bind("textFooter", tracking.unsubscribeTextFooter())
            .bind("dnsCheckedAt", Columns.millis(domain.verification().checkedAt()))
            .bind("dnsValid", Columns.json(valid));
    }

    private static Map<DnsRecordKind, Boolean> dnsValid(String json) {
        Map<DnsRecordKind, Boolean> valid = new HashMap<>();
        Columns.flags(json).forEach((kind, isValid) -> valid.put(DnsRecordKind.valueOf(kind), isValid));
        return valid;
    }
}
