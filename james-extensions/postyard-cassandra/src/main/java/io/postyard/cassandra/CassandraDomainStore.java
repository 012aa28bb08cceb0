package io.postyard.cassandra;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Domain;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;

import io.postyard.core.account.AccountId;
import io.postyard.core.domain.DnsRecordKind;
import io.postyard.core.domain.DnsVerification;
import io.postyard.core.domain.DomainState;
import io.postyard.core.domain.DomainStore;
import io.postyard.core.domain.MailDomain;
import io.postyard.core.tracking.ClickTracking;
import io.postyard.core.tracking.TrackingSettings;

/**
 * Domains by name, created with a lightweight transaction so two nodes never both create one name, and a copy in
 * their account's partition, clustered by name, for listing.
 */
public class CassandraDomainStore implements DomainStore {
    private static final String COLUMNS = "name, account, state, wildcard, force_dkim_authority, created_at, updated_at, track_open, "
        + "track_click, track_unsubscribe, unsubscribe_html_footer, unsubscribe_text_footer, dns_checked_at, dns_valid";
    private static final String DOMAIN_COLUMNS = "state text, wildcard boolean, force_dkim_authority boolean, created_at timestamp, "
        + "updated_at timestamp, track_open boolean, track_click text, track_unsubscribe boolean, unsubscribe_html_footer text, "
        + "unsubscribe_text_footer text, dns_checked_at timestamp, dns_valid map<text, boolean>";
    public static final SchemaMigration SCHEMA = new SchemaMigration("domains", 1, List.of(
        "CREATE TABLE IF NOT EXISTS domains (name text PRIMARY KEY, account text, " + DOMAIN_COLUMNS + ")",
        "CREATE TABLE IF NOT EXISTS domains_by_account (account text, name text, " + DOMAIN_COLUMNS + ", PRIMARY KEY (account, name))"));

    private final CqlSession session;
    private final ListedTable<MailDomain> domains;

    @Inject
    public CassandraDomainStore(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
        this.domains = new ListedTable<>(session, new ListedTable.Layout("domains", "domains_by_account", List.of("account", "name"), 1, COLUMNS),
            CassandraDomainStore::values, domain -> new Object[] {domain.account().value(), domain.name().asString()}, CassandraDomainStore::domain);
    }

    @Override
    public boolean insertIfAbsent(MailDomain domain) {
        return domains.insertIfAbsent(domain);
    }

    @Override
    public void save(MailDomain domain) {
        session.execute(domains.save(domain, get(domain.name())).build());
    }

    @Override
    public Optional<MailDomain> get(Domain name) {
        return domains.get(name.asString());
    }

    @Override
    public List<MailDomain> list(AccountId account) {
        return domains.list(account.value());
    }

    @Override
    public void delete(Domain name) {
        get(name).ifPresent(domain -> session.execute(domains.delete(domain).build()));
    }

    private static Object[] values(MailDomain domain) {
        TrackingSettings tracking = domain.tracking();
        Map<String, Boolean> valid = new HashMap<>();
        domain.verification().valid().forEach((kind, isValid) -> valid.put(kind.name(), isValid));
        return new Object[] {domain.name().asString(), domain.account().value(), domain.state().name(), domain.wildcard(),
            domain.forceDkimAuthority(), domain.createdAt(), domain.updatedAt(), tracking.open(), tracking.click().name(),
            tracking.unsubscribe(), tracking.unsubscribeHtmlFooter(), tracking.unsubscribeTextFooter(),
            domain.verification().checkedAt().orElse(null), valid};
    }

    private static MailDomain domain(Row row) {
        Map<DnsRecordKind, Boolean> valid = new HashMap<>();
        row.getMap("dns_valid", String.class, Boolean.class).forEach((kind, isValid) -> valid.put(DnsRecordKind.valueOf(kind), isValid));
        return new MailDomain(Domain.of(row.getString("name")), new AccountId(row.getString("account")),
            DomainState.valueOf(row.getString("state")), row.getBoolean("wildcard"), row.getBoolean("force_dkim_authority"),
            row.getInstant("created_at"), row.getInstant("updated_at"),
            new TrackingSettings(row.getBoolean("track_open"), ClickTracking.valueOf(row.getString("track_click")),
                row.getBoolean("track_unsubscribe"), row.getString("unsubscribe_html_footer"), row.getString("unsubscribe_text_footer")),
            new DnsVerification(Optional.ofNullable(row.getInstant("dns_checked_at")), valid));
    }
}
