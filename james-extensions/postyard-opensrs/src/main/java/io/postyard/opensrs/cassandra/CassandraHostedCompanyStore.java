package io.postyard.opensrs.cassandra;

import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Named;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;

import io.postyard.cassandra.CqlRows;
import io.postyard.cassandra.JsonAttributes;
import io.postyard.cassandra.PostyardSession;
import io.postyard.cassandra.SchemaMigration;
import io.postyard.core.account.AccountId;
import io.postyard.opensrs.store.HostedCompany;
import io.postyard.opensrs.store.HostedCompanyStore;

/**
 * Companies are a reseller's customers: thousands at most, so they share one partition clustered by id, which lists
 * them in order with one slice and no scan of the cluster.
 */
public class CassandraHostedCompanyStore implements HostedCompanyStore {
    private static final String COLUMNS = "id, account, attributes, created_at";
    public static final SchemaMigration SCHEMA = new SchemaMigration("hosted_companies", 1, List.of(
        "CREATE TABLE IF NOT EXISTS hosted_companies (directory int, id text, account text, attributes text, created_at timestamp, "
            + "PRIMARY KEY (directory, id))"));
    private static final int DIRECTORY = 0;

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement select;
    private final PreparedStatement selectAll;

    @Inject
    public CassandraHostedCompanyStore(@Named(PostyardSession.NAME) CqlSession session) {
        this.session = session;
        this.insert = session.prepare("INSERT INTO hosted_companies (directory, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?)");
        this.select = session.prepare("SELECT " + COLUMNS + " FROM hosted_companies WHERE directory = ? AND id = ?");
        this.selectAll = session.prepare("SELECT " + COLUMNS + " FROM hosted_companies WHERE directory = ?");
    }

    @Override
    public Optional<HostedCompany> get(String id) {
        return CqlRows.one(session.execute(select.bind(DIRECTORY, id)), CassandraHostedCompanyStore::company);
    }

    @Override
    public List<HostedCompany> list() {
        return CqlRows.list(session.execute(selectAll.bind(DIRECTORY)), CassandraHostedCompanyStore::company);
    }

    @Override
    public void save(HostedCompany company) {
        session.execute(insert.bind(DIRECTORY, company.id(), company.account().value(), JsonAttributes.write(company.attributes()),
            company.createdAt()));
    }

    private static HostedCompany company(Row row) {
        return new HostedCompany(row.getString("id"), new AccountId(row.getString("account")), JsonAttributes.read(row.getString("attributes")),
            row.getInstant("created_at"));
    }
}
