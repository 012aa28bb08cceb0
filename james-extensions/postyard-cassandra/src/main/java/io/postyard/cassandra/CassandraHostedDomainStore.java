package io.postyard.cassandra;

import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import io.postyard.core.hosting.HostedDomain;
import io.postyard.core.hosting.HostedDomainStore;

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
    private final PreparedStatement insertIfAbsent;
    private final PreparedStatement insert;
    private final PreparedStatement insertByCompany;
    private final PreparedStatement select;
    private final PreparedStatement selectByCompany;
    private final PreparedStatement delete;
    private final PreparedStatement deleteByCompany;

    @Inject
    public CassandraHostedDomainStore(CqlSession session) {
        this.session = session;
        this.insertIfAbsent = session.prepare("INSERT INTO hosted_domains (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?) IF NOT EXISTS");
        this.insert = session.prepare("INSERT INTO hosted_domains (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)");
        this.insertByCompany = session.prepare("INSERT INTO hosted_domains_by_company (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)");
        this.select = session.prepare("SELECT " + COLUMNS + " FROM hosted_domains WHERE name = ?");
        this.selectByCompany = session.prepare("SELECT " + COLUMNS + " FROM hosted_domains_by_company WHERE company = ?");
        this.delete = session.prepare("DELETE FROM hosted_domains WHERE name = ?");
        this.deleteByCompany = session.prepare("DELETE FROM hosted_domains_by_company WHERE company = ? AND name = ?");
    }

    @Override
    public boolean insertIfAbsent(HostedDomain domain) {
        if (!session.execute(insertIfAbsent.bind(values(domain))).wasApplied()) {
            return false;
        }
        session.execute(insertByCompany.bind(values(domain)));
        return true;
    }

    @Override
    public void save(HostedDomain domain) {
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.LOGGED)
            .addStatements(insert.bind(values(domain)), insertByCompany.bind(values(domain)));
        get(domain.name()).filter(previous -> !previous.company().equals(domain.company()))
            .ifPresent(previous -> batch.addStatement(deleteByCompany.bind(previous.company(), previous.name().asString())));
        session.execute(batch.build());
    }

    @Override
    public Optional<HostedDomain> get(Domain name) {
        return CqlRows.one(session.execute(select.bind(name.asString())), CassandraHostedDomainStore::domain);
    }

    @Override
    public List<HostedDomain> list(String company) {
        return CqlRows.list(session.execute(selectByCompany.bind(company)), CassandraHostedDomainStore::domain);
    }

    @Override
    public void delete(Domain name) {
        get(name).ifPresent(domain -> session.execute(BatchStatement.newInstance(DefaultBatchType.LOGGED,
            delete.bind(name.asString()), deleteByCompany.bind(domain.company(), name.asString()))));
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
