package io.postyard.opensrs.cassandra;

import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import org.apache.james.core.Domain;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;

import io.postyard.cassandra.JsonAttributes;
import io.postyard.cassandra.ListedTable;
import io.postyard.cassandra.PostyardSession;
import io.postyard.cassandra.SchemaMigration;
import io.postyard.opensrs.store.HostedDomain;
import io.postyard.opensrs.store.HostedDomainStore;

/**
 * Hosted domains by name, created with a lightweight transaction, and a copy in their company's partition, clustered
 * by name, for listing.
 */
public class CassandraHostedDomainStore implements HostedDomainStore {
    private static final String COLUMNS = "name, company, attributes, created_at, deleted_at";
    public static final SchemaMigration SCHEMA = new SchemaMigration("hosted_domains", 1, List.of(
        "CREATE TABLE IF NOT EXISTS hosted_domains (name text PRIMARY KEY, company text, attributes text, created_at timestamp, "
            + "deleted_at timestamp)",
        "CREATE TABLE IF NOT EXISTS hosted_domains_by_company (company text, name text, attributes text, created_at timestamp, "
            + "deleted_at timestamp, PRIMARY KEY (company, name))"));

    private final CqlSession session;
    private final ListedTable<HostedDomain> domains;

    @Inject
    public CassandraHostedDomainStore(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
        this.domains = new ListedTable<>(session, new ListedTable.Layout("hosted_domains", "hosted_domains_by_company",
            List.of("company", "name"), 1, COLUMNS), CassandraHostedDomainStore::values,
            domain -> new Object[] {domain.company(), domain.name().asString()}, CassandraHostedDomainStore::domain);
    }

    @Override
    public boolean insertIfAbsent(HostedDomain domain) {
        return domains.insertIfAbsent(domain);
    }

    @Override
    public void save(HostedDomain domain) {
        session.execute(domains.save(domain, get(domain.name())).build());
    }

    @Override
    public Optional<HostedDomain> get(Domain name) {
        return domains.get(name.asString());
    }

    @Override
    public List<HostedDomain> list(String company) {
        return domains.list(company);
    }

    @Override
    public void delete(Domain name) {
        get(name).ifPresent(domain -> session.execute(domains.delete(domain).build()));
    }

    private static Object[] values(HostedDomain domain) {
        return new Object[] {domain.name().asString(), domain.company(), JsonAttributes.write(domain.attributes()), domain.createdAt(),
            domain.deletedAt().orElse(null)};
    }

    private static HostedDomain domain(Row row) {
        return new HostedDomain(Domain.of(row.getString("name")), row.getString("company"), JsonAttributes.read(row.getString("attributes")),
            row.getInstant("created_at"), Optional.ofNullable(row.getInstant("deleted_at")));
    }
}
