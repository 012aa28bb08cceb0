package io.postyard.opensrs.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

import io.postyard.cassandra.JsonAttributes;
import io.postyard.core.account.AccountId;
import io.postyard.jdbc.JdbcMigration;
import io.postyard.jdbc.PostyardDatabase;
import io.postyard.jdbc.RowWrites;
import io.postyard.opensrs.store.HostedCompany;
import io.postyard.opensrs.store.HostedCompanyStore;

/**
 * Companies, a row each, their attributes one JSON column in the Cassandra store's form. They are a reseller's
 * customers, thousands at most: the list reads them all, in the primary key's order.
 */
public class JdbcHostedCompanyStore implements HostedCompanyStore {
    public static final JdbcMigration SCHEMA = JdbcMigration.of("oma_companies");
    private static final String SELECT = "SELECT id, account, attributes, created_at FROM oma_companies ";
    private static final RowMapper<HostedCompany> COMPANY = (row, context) -> new HostedCompany(row.getString("id"),
        new AccountId(row.getString("account")), JsonAttributes.read(row.getString("attributes")), Instant.ofEpochMilli(row.getLong("created_at")));

    private final Jdbi jdbi;

    @Inject
    public JdbcHostedCompanyStore(PostyardDatabase database) {
        this(database.jdbi());
    }

    public JdbcHostedCompanyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<HostedCompany> get(String id) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "WHERE id = :id")
            .bind("id", id)
            .map(COMPANY)
            .findOne());
    }

    @Override
    public List<HostedCompany> list() {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + "ORDER BY id")
            .map(COMPANY)
            .list());
    }

    @Override
    public void save(HostedCompany company) {
        RowWrites.upsert(jdbi,
            handle -> bind(handle.createUpdate("UPDATE oma_companies SET account = :account, attributes = :attributes, "
                + "created_at = :createdAt WHERE id = :id"), company).execute(),
            handle -> bind(handle.createUpdate("INSERT INTO oma_companies (id, account, attributes, created_at) "
                + "VALUES (:id, :account, :attributes, :createdAt)"), company).execute());
    }

    private static Update bind(Update statement, HostedCompany company) {
        return statement.bind("id", company.id())
            .bind("account", company.account().value())
            .bind("attributes", JsonAttributes.write(company.attributes()))
            .bind("createdAt", company.createdAt().toEpochMilli());
    }
}
